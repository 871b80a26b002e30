package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * The redacted twin of a logged throwable, for what reads the {@link Throwable} itself rather than
 * Logback's proxy (OpenTelemetry's Logback appender, whose {@code exception.message} and
 * {@code exception.stacktrace} come from it): the original's class name (in {@link #toString()}, and so in
 * every printed stack trace), its redacted message, its stack frames, and its cause and suppressed ones,
 * each the original when its text was clean, a twin otherwise. OpenTelemetry's {@code exception.type} is
 * this class's name: a throwable of the original class cannot be made with another message.
 */
public final class RedactedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;
  private final String description;

  /** A twin from redacted parts; {@code cause} and {@code suppressed} are proxies already redacted. */
  RedactedThrowable(String className, String message, String overridingMessage, StackTraceElementProxy[] frames,
      IThrowableProxy cause, IThrowableProxy[] suppressed) {
    super(message); // the cause is set below, once (initCause), as this constructor leaves it unset
    this.originalClassName = className;
    this.description = overridingMessage != null ? overridingMessage
        : message == null ? className : className + ": " + message;
    StackTraceElement[] elements = new StackTraceElement[frames == null ? 0 : frames.length];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = frames[i].getStackTraceElement();
    }
    setStackTrace(elements);
    if (cause != null) {
      initCause(of(cause));
    }
    if (suppressed != null) {
      for (IThrowableProxy each : suppressed) {
        addSuppressed(of(each));
      }
    }
  }

  /**
   * The throwable to stand for {@code proxy}, whose texts are already redacted: the original throwable of
   * a Logback {@link ThrowableProxy} (a {@link RedactedThrowableProxy}'s is a twin), else a twin made from
   * the proxy. A proxy marking a cyclic cause gets a twin: it has no cause, its original does.
   */
  static Throwable of(IThrowableProxy proxy) {
    if (proxy instanceof ThrowableProxy logback && !logback.isCyclic()) {
      return logback.getThrowable();
    }
    return new RedactedThrowable(proxy.getClassName(), proxy.getMessage(), proxy.getOverridingMessage(),
        proxy.getStackTraceElementProxyArray(), proxy.getCause(), proxy.getSuppressed());
  }

  /** The class name of the throwable this one stands for. */
  public String originalClassName() {
    return originalClassName;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the frames are the original's
  }

  @Override
  public String toString() {
    return description;
  }
}
