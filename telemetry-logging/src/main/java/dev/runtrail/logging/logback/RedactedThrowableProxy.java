package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.runtrail.redaction.Redactor;

/** A throwable proxy whose message (and those of its causes and suppressed) went through the redactor. */
final class RedactedThrowableProxy implements IThrowableProxy {
  private final IThrowableProxy delegate;
  private final String message;
  private final String overridingMessage;
  private final IThrowableProxy cause;
  private final IThrowableProxy[] suppressed;

  private RedactedThrowableProxy(IThrowableProxy delegate, String message, String overridingMessage,
      IThrowableProxy cause, IThrowableProxy[] suppressed) {
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
          // A fresh array: Logback's own is a ThrowableProxy[], which would not hold a redacted proxy.
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
}
