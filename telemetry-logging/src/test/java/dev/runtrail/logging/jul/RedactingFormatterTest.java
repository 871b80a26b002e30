package dev.runtrail.logging.jul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

class RedactingFormatterTest {
  static final String GITHUB = "ghp_" + "Zq8Rk2Lm5Tn7Vb3Xc9Hd4Jf6Gs1Pw0Ya2Ue8";
  static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

  @Test
  void julLinesLoseTheirSecretsButKeepIds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamHandler handler = new StreamHandler(out, new RedactingFormatter());
    Logger log = Logger.getLogger("jul.redaction.test");
    log.setUseParentHandlers(false);
    log.addHandler(handler);

    log.log(Level.WARNING, "pushed {0} with token {1}", new Object[] {SHA, GITHUB});
    log.log(Level.SEVERE, "failed", new IllegalStateException("cause token " + GITHUB));
    handler.flush();
    log.removeHandler(handler);

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("pushed " + SHA + " with token [REDACTED]", "cause token [REDACTED]",
        "IllegalStateException").doesNotContain(GITHUB);
  }
}
