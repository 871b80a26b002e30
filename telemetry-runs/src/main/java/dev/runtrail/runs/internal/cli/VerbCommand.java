package dev.runtrail.runs.internal.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code runtrail runs} verb shares: the store options and the output streams. */
abstract class VerbCommand implements Callable<Integer> {

  private static final DateTimeFormatter HUMAN_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Mixin
  StoreOptions store;

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  CliEnvironment environment() {
    return store.environment();
  }

  Instant now() {
    return environment().clock().instant();
  }

  static String humanTime(Instant instant) {
    return instant == null ? "-" : HUMAN_TIME.format(instant);
  }

  static String shortHash(String hash) {
    return hash == null ? null : hash.length() > 12 ? hash.substring(0, 12) : hash;
  }
}
