package dev.runtrail.runs.internal.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * A {@code --since} value: an age ({@code 30m}, {@code 48h}, {@code 7d}, {@code 2w}) counted back from
 * now, or a UTC date ({@code 2025-09-20}) or instant ({@code 2025-09-20T10:00:00Z}).
 */
public record Since(Duration ago, Instant at, String text) {

  /** The instant this stands for. */
  public Instant resolve(Clock clock) {
    return at != null ? at : clock.instant().minus(ago);
  }

  @Override
  public String toString() {
    return text;
  }

  /** Parses {@code --since}; a bad value is a usage error naming the option. */
  public static final class Converter implements CommandLine.ITypeConverter<Since> {
    @Override
    public Since convert(String value) {
      Since since = parse(value);
      if (since == null) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an age (30m, 48h, 7d, 2w) nor a UTC date or instant (2025-09-20, 2025-09-20T10:00:00Z)");
      }
      return since;
    }
  }

  static Since parse(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.matches("\\d{1,9}[smhdw]")) {
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      Duration ago;
      switch (text.charAt(text.length() - 1)) {
        case 's':
          ago = Duration.ofSeconds(amount);
          break;
        case 'm':
          ago = Duration.ofMinutes(amount);
          break;
        case 'h':
          ago = Duration.ofHours(amount);
          break;
        case 'd':
          ago = Duration.ofDays(amount);
          break;
        default:
          ago = Duration.ofDays(amount * 7);
      }
      return new Since(ago, null, value);
    }
    try {
      if (value.trim().length() == 10) {
        return new Since(null, LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant(), value);
      }
      return new Since(null, Instant.parse(value.trim()), value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
