package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.runtrail.redaction.RedactedThrowable;
import dev.runtrail.redaction.Redactor;

/**
 * A throwable proxy whose message (and those of its causes and suppressed) went through the redactor.
 * It is a Logback {@link ThrowableProxy}, as OpenTelemetry's Logback appender requires to map a record's
 * exception, and its {@link #getThrowable()} is the redacted twin ({@link RedactedThrowable}, whose {@code exception.type} in OpenTelemetry is that
 * class's name); everything
 * Logback prints from a proxy (class name, frames, common frames) is the original's.
 */
final class RedactedThrowableProxy extends ThrowableProxy {
  private final IThrowableProxy delegate;
  private final String message;
  private final String overridingMessage;
  private final IThrowableProxy cause;
  private final IThrowableProxy[] suppressed;

  private RedactedThrowableProxy(IThrowableProxy delegate, String message, String overridingMessage,
      IThrowableProxy cause, IThrowableProxy[] suppressed) {
    // Logback's constructor proxies the twin's chain too; those proxies go unused (the redacted ones below
    // carry the original class names), a cost paid only by a line whose throwable held a secret.
    super(twin(delegate.getClassName(), message, overridingMessage, delegate.getStackTraceElementProxyArray(),
        cause, suppressed));
    this.delegate = delegate;
    this.message = message;
    this.overridingMessage = overridingMessage;
    this.cause = cause;
    this.suppressed = suppressed;
  }

  /** {@code proxy} itself (no allocation) when nothing in its chain needed redaction; null stays null. */
  static IThrowableProxy of(IThrowableProxy proxy, Redactor redactor) {
    if (proxy == null) {
      return null;
    }
    String message = redactor.redact(proxy.getMessage());
    String overriding = redactor.redact(proxy.getOverridingMessage());
    IThrowableProxy cause = of(proxy.getCause(), redactor);
    IThrowableProxy[] suppressed = suppressed(proxy.getSuppressed(), redactor);
    if (message == proxy.getMessage() && overriding == proxy.getOverridingMessage()
        && cause == proxy.getCause() && suppressed == proxy.getSuppressed()) {
      return proxy;
    }
    return new RedactedThrowableProxy(proxy, message, overriding, cause, suppressed);
  }

  private static IThrowableProxy[] suppressed(IThrowableProxy[] all, Redactor redactor) {
    if (all == null) {
      return null;
    }
    IThrowableProxy[] copy = null;
    for (int i = 0; i < all.length; i++) {
      IThrowableProxy redacted = of(all[i], redactor);
      if (redacted != all[i]) {
        if (copy == null) {
          // A fresh IThrowableProxy[]: the original may be a ThrowableProxyVO[], which holds no other kind.
          copy = java.util.Arrays.copyOf(all, all.length, IThrowableProxy[].class);
        }
        copy[i] = redacted;
      }
    }
    return copy == null ? all : copy;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public String getOverridingMessage() {
    return overridingMessage;
  }

  @Override
  public String getClassName() {
    return delegate.getClassName();
  }

  @Override
  public StackTraceElementProxy[] getStackTraceElementProxyArray() {
    return delegate.getStackTraceElementProxyArray();
  }

  @Override
  public int getCommonFrames() {
    return delegate.getCommonFrames();
  }

  @Override
  public IThrowableProxy getCause() {
    return cause;
  }

  @Override
  public IThrowableProxy[] getSuppressed() {
    return suppressed;
  }

  @Override
  public boolean isCyclic() {
    return delegate.isCyclic();
  }

  /** The redacted twin made from redacted parts; {@code cause} and {@code suppressed} are proxies already redacted. */
  private static RedactedThrowable twin(String className, String message, String overridingMessage,
      StackTraceElementProxy[] frames, IThrowableProxy cause, IThrowableProxy[] suppressed) {
    String description = overridingMessage != null ? overridingMessage
        : message == null ? className : className + ": " + message;
    StackTraceElement[] elements = new StackTraceElement[frames == null ? 0 : frames.length];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = frames[i].getStackTraceElement();
    }
    RedactedThrowable twin = new RedactedThrowable(className, message, description,
        cause == null ? null : throwableOf(cause), elements);
    if (suppressed != null) {
      for (IThrowableProxy each : suppressed) {
        twin.addSuppressed(throwableOf(each));
      }
    }
    return twin;
  }

  /**
   * The throwable to stand for {@code proxy}, whose texts are already redacted: the original throwable of
   * a Logback {@link ThrowableProxy} (a {@link RedactedThrowableProxy}'s is a twin), else a twin made from
   * the proxy. A proxy marking a cyclic cause gets a twin: it has no cause, its original does.
   */
  private static Throwable throwableOf(IThrowableProxy proxy) {
    if (proxy instanceof ThrowableProxy logback && !logback.isCyclic()) {
      return logback.getThrowable();
    }
    return twin(proxy.getClassName(), proxy.getMessage(), proxy.getOverridingMessage(),
        proxy.getStackTraceElementProxyArray(), proxy.getCause(), proxy.getSuppressed());
  }
}
