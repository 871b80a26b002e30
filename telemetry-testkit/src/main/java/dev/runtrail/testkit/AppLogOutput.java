package dev.runtrail.testkit;

/**
 * What one of the app's log writers (a Logback appender, a java.util.logging handler) wrote for one event,
 * as {@link AppLogs} captured it.
 *
 * @param writer which writer, e.g. {@code logback appender 'CONSOLE'} or {@code jul handler ConsoleHandler}
 * @param text the formatted output, as the writer's encoder, layout or formatter produced it
 */
public record AppLogOutput(String writer, String text) {}
