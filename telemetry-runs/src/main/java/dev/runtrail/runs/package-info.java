/**
 * The local run store: {@link dev.runtrail.runs.RunStoreExporter} writes each finished run's artifacts
 * and indexes it; {@link dev.runtrail.runs.cli.RuntrailCli} ({@code runtrail runs ...}) queries them.
 * Everything under {@code dev.runtrail.runs.internal} is not public API.
 */
package dev.runtrail.runs;
