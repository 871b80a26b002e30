package dev.runtrail.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.Redactor;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  /** 30 base62 chars; their checksum below was computed outside this code (Python zlib.crc32, base62). */
  private static final String RANDOM = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1";

  @Test
  void crc32InBase62MatchesTheKnownAnswer() {
    // zlib.crc32(b"123456789") = 0xCBF43926, in base62 (0-9A-Za-z) "3jZRME"
    assertThat(Checksums.crc32Base62("123456789")).isEqualTo("3jZRME");
  }

  @Test
  void aGluedGitHubTokenIsCaughtOnlyWithAValidChecksum() {
    String valid = "ghp_" + RANDOM + Checksums.crc32Base62(RANDOM);
    assertThat(Redactor.defaults().redact("?next=%3D" + valid + "&x=1")).isEqualTo("?next=%3D[REDACTED]&x=1");
    String wrong = "ghp_" + RANDOM + flipLast(Checksums.crc32Base62(RANDOM));
    assertThat(Redactor.defaults().redact("?next=%3D" + wrong + "&x=1")).isEqualTo("?next=%3D" + wrong + "&x=1");
    // standing alone, the shape is enough (a token boundary before it)
    assertThat(Redactor.defaults().redact("t " + wrong)).isEqualTo("t [REDACTED]");
  }

  @Test
  void aGluedNpmTokenIsCaughtOnlyWithAValidChecksum() {
    String valid = "npm_" + RANDOM + Checksums.crc32Base62(RANDOM);
    assertThat(Redactor.defaults().redact("%22" + valid + "%22")).isEqualTo("%22[REDACTED]%22");
    String wrong = "npm_" + RANDOM + flipLast(Checksums.crc32Base62(RANDOM));
    assertThat(Redactor.defaults().redact("%22" + wrong + "%22")).isEqualTo("%22" + wrong + "%22");
  }

  @Test
  void aGluedSlackTokenIsCaughtOnlyWithSlacksStructure() {
    String token = "xoxb-12345678901-123456789012-aBcDeFgHiJkLmNoPqRsTuVwX";
    assertThat(Redactor.defaults().redact("%3D" + token)).isEqualTo("%3D[REDACTED]");
    assertThat(Redactor.defaults().redact("%3Dxoxb-notastructuredtoken")).isEqualTo("%3Dxoxb-notastructuredtoken");
    assertThat(Redactor.defaults().redact("%3Dxoxb-123-456-aBcDeFgHiJkLmNoPqRsTuVwX"))
        .isEqualTo("%3Dxoxb-123-456-aBcDeFgHiJkLmNoPqRsTuVwX");
  }

  private static String flipLast(String check) {
    char last = check.charAt(check.length() - 1);
    return check.substring(0, check.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
