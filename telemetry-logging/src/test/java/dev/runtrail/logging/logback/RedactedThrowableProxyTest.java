package dev.runtrail.logging.logback;

import static dev.runtrail.logging.logback.RedactingAppenderTest.GITHUB;
import static dev.runtrail.logging.logback.RedactingAppenderTest.JWT;
import static dev.runtrail.logging.logback.RedactingAppenderTest.PASSWORD;
import static dev.runtrail.logging.logback.RedactingAppenderTest.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.spi.ThrowableProxyVO;
import dev.runtrail.redaction.RedactedThrowable;
import dev.runtrail.redaction.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The redacted proxy is a Logback {@link ThrowableProxy} whose Throwable (what OpenTelemetry's appender
 * prints) holds no secret, for proxies of live throwables, deserialized ones and cyclic causes.
 */
class RedactedThrowableProxyTest {
  private final Redactor redactor = Redactor.defaults();

  @Test
  void aCleanProxyIsReturnedItself() {
    ThrowableProxy clean = new ThrowableProxy(new IllegalStateException("deploy of " + SHA + " failed"));
    assertThat(RedactedThrowableProxy.of(clean, redactor)).isSameAs(clean);
  }

  @Test
  void aLiveThrowablesTwinPrintsTheOriginalClassesAndFramesRedacted() {
    IThrowableProxy redacted = RedactedThrowableProxy.of(new ThrowableProxy(failure()), redactor);
    assertThat(redacted).isInstanceOf(ThrowableProxy.class);
    Throwable twin = ((ThrowableProxy) redacted).getThrowable();
    assertThat(twin).isInstanceOf(RedactedThrowable.class);
    assertThat(((RedactedThrowable) twin).originalClassName()).isEqualTo("java.lang.IllegalStateException");
    assertThat(printed(twin))
        .startsWith("java.lang.IllegalStateException: login failed password=[REDACTED]")
        .contains("Caused by: java.io.IOException: token [REDACTED]")
        .contains("Suppressed: java.lang.RuntimeException: while closing: Bearer [REDACTED]")
        .contains("at dev.runtrail.logging.logback.RedactedThrowableProxyTest.failure(");
    assertNoCanary(printed(twin));
    // What Logback itself prints from the proxy names the original classes, not the twin.
    assertThat(ThrowableProxyUtil.asString(redacted))
        .startsWith("java.lang.IllegalStateException: login failed password=[REDACTED]")
        .contains("Caused by: java.io.IOException: token [REDACTED]")
        .doesNotContain(RedactedThrowable.class.getName() + ":");
  }

  @Test
  void aDeserializedProxyGetsATwinToo() {
    IThrowableProxy vo = ThrowableProxyVO.build(new ThrowableProxy(failure()));
    IThrowableProxy redacted = RedactedThrowableProxy.of(vo, redactor);
    String printed = printed(((ThrowableProxy) redacted).getThrowable());
    assertThat(printed).contains("Caused by: java.io.IOException: token [REDACTED]")
        .contains("at dev.runtrail.logging.logback.RedactedThrowableProxyTest.failure(");
    assertNoCanary(printed);
  }

  @Test
  void aCyclicCauseLeaksNothingThroughTheTwin() {
    IOException inner = new IOException("inner is clean");
    IllegalStateException outer = new IllegalStateException("outer token " + GITHUB, inner);
    inner.initCause(outer);
    IThrowableProxy redacted = RedactedThrowableProxy.of(new ThrowableProxy(outer), redactor);
    String printed = printed(((ThrowableProxy) redacted).getThrowable());
    assertThat(printed).startsWith("java.lang.IllegalStateException: outer token [REDACTED]")
        .contains("Caused by: java.io.IOException: inner is clean");
    assertNoCanary(printed);
  }

  private static Exception failure() {
    Exception e = new IllegalStateException("login failed password=" + PASSWORD,
        new IOException("token " + GITHUB));
    e.addSuppressed(new RuntimeException("while closing: Bearer " + JWT));
    return e;
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static void assertNoCanary(String text) {
    RedactingAppenderTest.SECRETS.forEach(secret -> assertThat(text).doesNotContain(secret));
  }
}
