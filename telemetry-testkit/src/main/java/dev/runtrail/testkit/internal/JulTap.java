package dev.runtrail.testkit.internal;

import dev.runtrail.testkit.AppLogOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A handler on java.util.logging's root logger that formats each record with the formatter of each root
 * handler (a {@code RedactingFormatter} included), the way those handlers write it; with no root handler,
 * with a {@link SimpleFormatter}.
 */
final class JulTap extends Handler {
  private final List<Handler> handlers;
  private final Consumer<AppLogOutput> sink;
  private final Formatter fallback = new SimpleFormatter();

  private JulTap(List<Handler> handlers, Consumer<AppLogOutput> sink) {
    this.handlers = handlers;
    this.sink = sink;
  }

  static JulTap attach(Consumer<AppLogOutput> sink) {
    Logger root = Logger.getLogger("");
    List<Handler> handlers = new ArrayList<>();
    for (Handler handler : root.getHandlers()) {
      if (!(handler instanceof JulTap)) {
        handlers.add(handler);
      }
    }
    JulTap tap = new JulTap(handlers, sink);
    root.addHandler(tap);
    return tap;
  }

  List<String> writers() {
    return handlers.isEmpty() ? List.of("jul root logger (no handler)")
        : handlers.stream().map(JulTap::writer).toList();
  }

  void detach() {
    Logger.getLogger("").removeHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    if (handlers.isEmpty()) {
      sink.accept(new AppLogOutput(writers().get(0), fallback.format(record)));
      return;
    }
    for (Handler handler : handlers) {
      if (handler.isLoggable(record)) {
        Formatter formatter = handler.getFormatter() != null ? handler.getFormatter() : fallback;
        sink.accept(new AppLogOutput(writer(handler), formatter.format(record)));
      }
    }
  }

  private static String writer(Handler handler) {
    return "jul handler " + handler.getClass().getSimpleName();
  }

  @Override
  public void flush() { }

  @Override
  public void close() { }
}
