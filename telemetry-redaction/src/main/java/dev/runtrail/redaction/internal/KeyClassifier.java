package dev.runtrail.redaction.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides what a key names from its last words: a secret ({@code clientSecret}, {@code x-api-key},
 * {@code password_hash}), personal data (strict mode: {@code email}, {@code user_name}), an identifier
 * ({@code span_id}, {@code plan_hash}: card and address rules stay off its value) or nothing
 * ({@code token_count}, {@code secret_name}, {@code public_key}, {@code monkey}). Works on any range of
 * a {@link CharSequence} and never allocates, so the text scanner can call it on every {@code key=}.
 */
public final class KeyClassifier {
  public static final int NONE = 0;
  public static final int SECRET = 1;
  public static final int PII = 2;
  public static final int IDENTIFIER = 3;

  private static final int MAX_KEY = 96;
  private static final String[] SECRET_WORDS = {
    "password", "passwd", "pwd", "passphrase", "secret", "secrets", "token", "apikey", "authorization",
    "cookie", "cookies", "credential", "credentials", "privatekey", "secretkey", "accesskey", "auth", "cvv",
    "cvc"
  };
  private static final String[] SECRET_SUFFIXES = {
    "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "secretkey", "accesskey"
  };
  private static final String[][] SECRET_SEQUENCES = {
    {"api", "key"}, {"private", "key"}, {"secret", "key"}, {"access", "key"}, {"account", "key"},
    {"encryption", "key"}, {"signing", "key"}, {"master", "key"}, {"session", "key"},
    {"access", "signature"}, {"stripe", "customer", "id"}, {"payment", "reference"}
  };
  private static final String[] QUALIFIERS = {
    "enc", "encrypted", "hash", "hashed", "b64", "base64", "value", "raw", "plaintext", "str", "hex"
  };
  private static final String[] PII_WORDS = {
    "email", "username", "user", "login", "phone", "mobile", "address", "addr", "ip", "firstname",
    "lastname", "fullname", "surname", "ssn"
  };
  private static final String[][] PII_SEQUENCES = {
    {"user", "name"}, {"first", "name"}, {"last", "name"}, {"full", "name"}, {"display", "name"},
    {"given", "name"}, {"family", "name"}, {"e", "mail"}, {"phone", "number"}
  };
  private static final String[] IDENTIFIER_WORDS = {
    "id", "ids", "uuid", "guid", "traceparent", "tracestate", "digest", "hash", "sha", "checksum", "etag",
    "version"
  };

  private final String[][] extraSequences;
  private final boolean strict;
  private final long[] lastBigrams = new long[(36 * 36 + 63) / 64];

  public KeyClassifier(Collection<String> extraSensitiveKeys, boolean strict) {
    List<String[]> extras = new ArrayList<>();
    for (String key : extraSensitiveKeys) {
      List<String> words = KeyWords.split(key);
      if (!words.isEmpty()) {
        extras.add(words.toArray(new String[0]));
      }
    }
    this.extraSequences = extras.toArray(new String[0][]);
    this.strict = strict;
    indexLastBigrams();
  }

  /** Classifies the whole key. */
  public int classify(CharSequence key) {
    return key == null ? NONE : classify(key, 0, key.length());
  }

  /** Classifies {@code s[start, end)}: {@link #SECRET}, {@link #PII} (strict only), {@link #IDENTIFIER} or {@link #NONE}. */
  public int classify(CharSequence s, int start, int end) {
    if (end - start > MAX_KEY) {
      start = end - MAX_KEY;
    }
    int lastEnd = KeyWords.wordEndBefore(s, start, end);
    if (lastEnd <= start) {
      return NONE;
    }
    int lastStart = KeyWords.wordStart(s, start, lastEnd, end);
    WorkMeter.add(end - start);
    if (isSecret(s, start, lastStart, lastEnd, end)) {
      return SECRET;
    }
    if (strict && (endsWithAny(s, start, lastStart, lastEnd, end, PII_SEQUENCES)
        || anyWord(s, lastStart, lastEnd, PII_WORDS))) {
      return PII;
    }
    return anyWord(s, lastStart, lastEnd, IDENTIFIER_WORDS) ? IDENTIFIER : NONE;
  }

  /**
   * Cheap pre-check for the text scanner: can a key whose last two chars are {@code a b} be sensitive?
   * False means certainly not.
   */
  public boolean mayEndSensitiveKey(char a, char b) {
    int i = bigramIndex(a, b);
    return i < 0 || (lastBigrams[i >>> 6] & (1L << i)) != 0;
  }

  private boolean isSecret(CharSequence s, int start, int lastStart, int lastEnd, int keyEnd) {
    int ws = lastStart;
    int we = lastEnd;
    for (int stripped = 0; stripped <= 2; stripped++) {
      if (secretAt(s, start, ws, we, keyEnd)) {
        return true;
      }
      if (!anyWord(s, ws, we, QUALIFIERS)) {
        return false;
      }
      int prevEnd = KeyWords.wordEndBefore(s, start, ws);
      if (prevEnd <= start) {
        return false;
      }
      we = prevEnd;
      ws = KeyWords.wordStart(s, start, prevEnd, keyEnd);
    }
    return false;
  }

  private boolean secretAt(CharSequence s, int start, int ws, int we, int keyEnd) {
    if (anyWord(s, ws, we, SECRET_WORDS)) {
      return true;
    }
    for (String suffix : SECRET_SUFFIXES) {
      if (KeyWords.endsWithLonger(s, ws, we, suffix)) {
        return true;
      }
    }
    return endsWithAny(s, start, ws, we, keyEnd, SECRET_SEQUENCES)
        || endsWithAny(s, start, ws, we, keyEnd, extraSequences);
  }

  private static boolean anyWord(CharSequence s, int ws, int we, String[] words) {
    for (String w : words) {
      if (KeyWords.equalsIgnoreCase(s, ws, we, w)) {
        return true;
      }
    }
    return false;
  }

  /** Does the key, whose last word is {@code s[ws, we)}, end with one of {@code sequences}? */
  private static boolean endsWithAny(
      CharSequence s, int start, int ws, int we, int keyEnd, String[][] sequences) {
    for (String[] seq : sequences) {
      if (endsWith(s, start, ws, we, keyEnd, seq)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWith(CharSequence s, int start, int ws, int we, int keyEnd, String[] seq) {
    int wordStart = ws;
    int wordEnd = we;
    for (int k = seq.length - 1; k >= 0; k--) {
      if (!KeyWords.equalsIgnoreCase(s, wordStart, wordEnd, seq[k])) {
        return false;
      }
      if (k == 0) {
        return true;
      }
      wordEnd = KeyWords.wordEndBefore(s, start, wordStart);
      if (wordEnd <= start) {
        return false;
      }
      wordStart = KeyWords.wordStart(s, start, wordEnd, keyEnd);
    }
    return true;
  }

  private void indexLastBigrams() {
    List<String> lastWords = new ArrayList<>(List.of(SECRET_WORDS));
    lastWords.addAll(List.of(QUALIFIERS));
    for (String[] seq : SECRET_SEQUENCES) {
      lastWords.add(seq[seq.length - 1]);
    }
    for (String[] seq : extraSequences) {
      lastWords.add(seq[seq.length - 1]);
    }
    if (strict) {
      lastWords.addAll(List.of(PII_WORDS));
      for (String[] seq : PII_SEQUENCES) {
        lastWords.add(seq[seq.length - 1]);
      }
    }
    for (String w : lastWords) {
      if (w.length() >= 2) {
        int i = bigramIndex(w.charAt(w.length() - 2), w.charAt(w.length() - 1));
        lastBigrams[i >>> 6] |= 1L << i;
      } else {
        for (char a = '0'; a <= 'z'; a++) {
          int i = bigramIndex(a, w.charAt(0));
          if (i >= 0) {
            lastBigrams[i >>> 6] |= 1L << i;
          }
        }
      }
    }
  }

  private static int bigramIndex(char a, char b) {
    int x = alnumIndex(a);
    int y = alnumIndex(b);
    return x < 0 || y < 0 ? -1 : x * 36 + y;
  }

  private static int alnumIndex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    char l = CharClass.lower(c);
    return l >= 'a' && l <= 'z' ? l - 'a' + 10 : -1;
  }
}
