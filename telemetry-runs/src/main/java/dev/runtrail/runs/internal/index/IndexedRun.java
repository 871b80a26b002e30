package dev.runtrail.runs.internal.index;

import java.time.Instant;

/** One row of the {@code runs} table: what lists, exports and lookups show. */
public record IndexedRun(
    String runId,
    String name,
    String env,
    String target,
    String planHash,
    Instant startedAt,
    Instant endedAt,
    long durationMs,
    String status,
    String errorCode,
    String errorMessage,
    String failedStep,
    int retries,
    String runner,
    String ticket,
    String gitSha,
    String gitBranch,
    String dir) {}
