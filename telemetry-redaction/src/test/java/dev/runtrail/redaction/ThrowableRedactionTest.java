package dev.runtrail.redaction;

import static dev.runtrail.redaction.TestRedactors.balanced;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrowableRedactionTest {
  @Test
  void redactsMessagesInTheWholeChain() {
    IllegalStateException cause = new IllegalStateException("token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
    RuntimeException top = new RuntimeException("login failed password=hunter2", cause);
    top.addSuppressed(new IllegalArgumentException("AKIAIOSFODNN7EXAMPLE"));
    String text = balanced().redactThrowable(top);
    assertThat(text)
        .startsWith("java.lang.RuntimeException: login failed password=[REDACTED]\n\tat ")
        .contains("Caused by: java.lang.IllegalStateException: token [REDACTED]")
        .contains("\tSuppressed: java.lang.IllegalArgumentException: [REDACTED]")
        .contains("... ")
        .doesNotContain("hunter2", "ghp_", "AKIA");
  }

  @Test
  void marksCircularCauses() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(balanced().redactThrowable(a)).contains("[CIRCULAR REFERENCE: java.lang.Exception: a]");
  }

  @Test
  void survivesThrowingToString() {
    Exception weird = new Exception() {
      @Override
      public String toString() {
        throw new IllegalStateException("boom");
      }
    };
    assertThat(balanced().redactThrowable(weird)).contains("<message unavailable>");
  }

  @Test
  void anonymizesHomePathsInFrames() {
    Exception e = new Exception("cannot read /home/bob/.config/app.yml");
    assertThat(balanced().redactThrowable(e)).startsWith("java.lang.Exception: cannot read ~/.config/app.yml");
  }
}
