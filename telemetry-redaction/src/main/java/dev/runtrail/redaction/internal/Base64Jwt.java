package dev.runtrail.redaction.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The validator of the {@code jwt-base64} family: a base64 run that starts with {@code ZXlK} (the base64 of
 * {@code eyJ}) is a token only when it decodes to a JWT's text, {@code eyJ} + base64url segments separated by
 * two dots (the signature may be empty); a base64 blob that merely starts so passes. Runs only on a shape match.
 */
final class Base64Jwt {
  private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private Base64Jwt() {}

  /** True when {@code s[from, to)} is standard base64 of {@code header.payload.signature}. */
  static boolean decodesToJwt(String s, int from, int to) {
    String b64 = s.substring(from, to);
    int rest = b64.length() % 4;
    if (rest == 1) {
      return false;
    }
    if (rest != 0 && !b64.endsWith("=")) {
      b64 = b64 + "==".substring(0, 4 - rest);
    }
    byte[] text;
    try {
      text = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    WorkMeter.add(text.length);
    int dots = 0;
    for (byte b : text) {
      if (b == '.') {
        dots++;
      } else if (b < 0 || B64URL.indexOf(b) < 0 && b != '=') {
        return false;
      }
    }
    return dots == 2 && text.length > 3 && text[0] == 'e' && text[1] == 'y' && text[2] == 'J' && text[3] != '.';
  }

  /** A fresh example: the base64 of a random JWT-shaped text. */
  static String example(RandomGenerator rnd) {
    StringBuilder jwt = new StringBuilder("eyJ");
    appendRandom(jwt, rnd, 20 + rnd.nextInt(20));
    jwt.append(".eyJ");
    appendRandom(jwt, rnd, 30 + rnd.nextInt(60));
    jwt.append('.');
    appendRandom(jwt, rnd, 43);
    return Base64.getEncoder().encodeToString(jwt.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static void appendRandom(StringBuilder b, RandomGenerator rnd, int n) {
    for (int i = 0; i < n; i++) {
      b.append(B64URL.charAt(rnd.nextInt(B64URL.length())));
    }
  }
}
