package dev.runtrail.runs.internal.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * What the CLI takes from its surroundings, so tests can fix it: the clock, environment variables,
 * system properties and how to open a file in a browser.
 *
 * @param browser opens a file in a browser; false when it could not
 */
public record CliEnvironment(Clock clock, Map<String, String> variables, Properties properties,
    Predicate<Path> browser) {

  /** The real process environment. */
  public static CliEnvironment system() {
    return new CliEnvironment(Clock.systemUTC(), System.getenv(), System.getProperties(), Browser::open);
  }
}
