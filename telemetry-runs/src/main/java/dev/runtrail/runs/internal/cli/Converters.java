package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.retention.RetentionPolicy;
import dev.runtrail.telemetry.RunStatus;
import java.util.Locale;
import picocli.CommandLine;

/** Checks of option values, failing as usage errors (exit 2) that say what was expected. */
final class Converters {

  private Converters() {}

  /** {@code ok}, {@code failed} or {@code cancelled}. */
  static final class Status implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return RunStatus.fromLabel(value.trim()).label();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a status (ok, failed, cancelled)");
      }
    }
  }

  /** A plan hash or a prefix of one: 1 to 64 hex digits, lower-cased. */
  static final class PlanHash implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String hash = value.trim().replace("\u2026", "").toLowerCase(Locale.ROOT);
      if (!hash.matches("[0-9a-f]{1,64}")) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a plan hash (1 to 64 hex digits)");
      }
      return hash;
    }
  }

  /** {@code prod=90d,staging=30d,*=30d}. */
  static final class Retention implements CommandLine.ITypeConverter<RetentionPolicy> {
    @Override
    public RetentionPolicy convert(String value) {
      try {
        return RetentionPolicy.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
