package dev.runtrail.redaction.internal;

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
  /**
   * A key whose last word is {@code key} after a word that is not a lookup key's ({@code ALGOLIA_KEY},
   * {@code datadogKey}; not {@code sort_key}, {@code PRIMARY_KEY}, {@code cache_key}): its value is a secret
   * when it reads as random ({@link RandomValue}), else it is judged as under any other key.
   */
  public static final int SECRET_IF_RANDOM = 4;

  private static final int SECRET_WORD = 1;
  private static final int QUALIFIER = 1 << 1;
  private static final int SECRET_SEQUENCE_END = 1 << 2;
  private static final int PII_WORD = 1 << 3;
  private static final int PII_SEQUENCE_END = 1 << 4;
  private static final int IDENTIFIER_WORD = 1 << 5;
  /** A word that names a secret only after another word: {@code db_pass}, {@code ROOT_PW} (not a bare "pass"). */
  private static final int COMPOUND_SECRET_WORD = 1 << 6;
  /** A word that names a secret as a URL query parameter: {@code ?sig=}, {@code &X-Amz-Signature=}, {@code &pass=}. */
  private static final int QUERY_SECRET_WORD = 1 << 7;
  /** The word {@code key}: after most words its value is a secret when it reads as random. */
  private static final int KEY_WORD = 1 << 8;
  /** Words naming what a lookup key indexes, not a credential: {@code sort_key}, {@code cache_key}. */
  private static final int LOOKUP_WORD = 1 << 9;
  private static final int MAX_KEY = 96;
  private static final int MAX_QUALIFIERS = 2;

  private static final String[] SECRET_WORDS = {
    "password", "passwd", "pwd", "passphrase", "secret", "secrets", "token", "apikey", "authorization",
    "cookie", "cookies", "credential", "credentials", "privatekey", "secretkey", "accesskey", "auth", "cvv",
    "cvc", "pan"
  };
  private static final String[][] SECRET_SEQUENCES = {
    {"api", "key"}, {"private", "key"}, {"secret", "key"}, {"access", "key"}, {"account", "key"},
    {"encryption", "key"}, {"signing", "key"}, {"master", "key"}, {"session", "key"},
    {"access", "signature"}, {"stripe", "customer", "id"}, {"payment", "reference"},
    {"app", "key"}, {"application", "key"}, {"license", "key"}, {"client", "key"}, {"secret", "key", "base"},
    {"card", "number"}, {"card", "no"}, {"card", "num"}, {"credit", "card"}, {"cc", "number"}
  };
  private static final String[] COMPOUND_SECRET_WORDS = {"pass", "pw"};
  private static final String[] QUERY_SECRET_WORDS = {"sig", "signature", "pass"};
  private static final String[] QUALIFIERS = {
    "enc", "encrypted", "hash", "hashed", "b64", "base64", "value", "raw", "plaintext", "str", "hex", "data"
  };
  private static final String[] LOOKUP_WORDS = {
    "public", "primary", "foreign", "unique", "composite", "natural", "surrogate", "candidate", "sort", "partition",
    "range", "hash", "row", "shard", "routing", "cache", "idempotency", "dedup", "dedupe", "deduplication", "lock",
    "queue", "redis", "group", "lookup", "index", "object", "s3", "bucket", "message", "event", "translation",
    "i18n", "label", "map", "join", "host", "storage", "config", "setting", "property", "field", "column",
    "attribute", "metric", "tag", "header", "param", "query", "issue", "project", "record", "entity", "state",
    "trace", "span", "request", "correlation"
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

  /** Far enough below zero that a trigram or bigram index holding it stays negative. */
  private static final int NOT_ALNUM = -1_000_000;
  /** {@link #index} as a table: {@link #mayEndSensitiveKey} runs at every '=', ':' and "--". */
  private static final int[] ALNUM_INDEX = new int[128];

  static {
    for (char c = 0; c < 128; c++) {
      ALNUM_INDEX[c] = alnumIndex(c);
    }
  }

  private final WordTable table = new WordTable();
  private final boolean strict;
  /** Last three chars (lower-case alphanumerics) of every word that can end a sensitive key. */
  private final long[] lastTrigrams = new long[(36 * 36 * 36 + 63) / 64];
  /** The same for words of two letters ({@code ip}), checked when the key's third-last char ends a word. */
  private final long[] lastBigrams = new long[(36 * 36 + 63) / 64];
  private boolean anyKeyMayEndSensitive;
  /** An extra sensitive key ends with the word "id" ({@code tenant_id}): then "id" alone passes the pre-check. */
  private boolean extraKeyEndsWithId;

  public KeyClassifier(Collection<String> extraSensitiveKeys, boolean strict) {
    this.strict = strict;
    addWords(SECRET_WORDS, SECRET_WORD);
    addWords(QUALIFIERS, QUALIFIER);
    addWords(IDENTIFIER_WORDS, IDENTIFIER_WORD);
    addWords(COMPOUND_SECRET_WORDS, COMPOUND_SECRET_WORD);
    addWords(QUERY_SECRET_WORDS, QUERY_SECRET_WORD);
    table.add("key", KEY_WORD);
    for (String w : LOOKUP_WORDS) {
      table.add(w, LOOKUP_WORD);
    }
    for (String[] seq : SECRET_SEQUENCES) {
      table.addSequence(seq, SECRET_SEQUENCE_END);
      markBigram(seq[seq.length - 1]);
    }
    for (String key : extraSensitiveKeys) {
      List<String> words = KeyWords.split(key);
      if (!words.isEmpty()) {
        table.addSequence(words.toArray(new String[0]), SECRET_SEQUENCE_END);
        markBigram(words.get(words.size() - 1));
        extraKeyEndsWithId |= words.get(words.size() - 1).equals("id");
      }
    }
    if (strict) {
      addWords(PII_WORDS, PII_WORD);
      for (String[] seq : PII_SEQUENCES) {
        table.addSequence(seq, PII_SEQUENCE_END);
        markBigram(seq[seq.length - 1]);
      }
    }
  }

  private void addWords(String[] words, int flag) {
    for (String w : words) {
      table.add(w, flag);
      if (flag != IDENTIFIER_WORD) {
        markBigram(w);
      }
    }
  }

  /** Classifies the whole key. */
  public int classify(CharSequence key) {
    return key == null ? NONE : classify(key, 0, key.length());
  }

  /** Classifies {@code s[start, end)}: {@link #SECRET}, {@link #PII} (strict only), {@link #IDENTIFIER} or {@link #NONE}. */
  public int classify(CharSequence s, int start, int end) {
    int from = Math.max(start, end - MAX_KEY);
    int we = KeyWords.wordEndBefore(s, from, end);
    if (we <= from) {
      return NONE;
    }
    int ws = KeyWords.wordStart(s, from, we, end);
    WorkMeter.add(end - ws);
    int lastFlags = table.flags(s, ws, we);
    int flags = lastFlags;
    for (int stripped = 0; ; stripped++) {
      if ((flags & SECRET_WORD) != 0 || hasSecretSuffix(s, ws, we)
          || (flags & SECRET_SEQUENCE_END) != 0 && endsWithSequence(s, from, ws, we, end)
          || (flags & COMPOUND_SECRET_WORD) != 0 && KeyWords.wordEndBefore(s, from, ws) > from) {
        return SECRET;
      }
      if ((flags & QUALIFIER) == 0 || stripped == MAX_QUALIFIERS) {
        break;
      }
      int prevEnd = KeyWords.wordEndBefore(s, from, ws);
      if (prevEnd <= from) {
        break;
      }
      we = prevEnd;
      ws = KeyWords.wordStart(s, from, we, end);
      flags = table.flags(s, ws, we);
    }
    return classifyRest(s, from, end, lastFlags);
  }

  /**
   * True when {@code child}, not sensitive alone, names a secret under {@code parent} as their dotted join
   * would ({@code key} under {@code api} is {@code api.key}; {@code pass} under {@code db}; {@code customer_id}
   * under {@code stripe}): the child's words, past trailing qualifiers, end a sensitive sequence whose first
   * words end the parent, or the child is a word that names a secret after another word. A null
   * {@code parent} stands for any parent: can some parent make {@code child} a secret? Never allocates.
   */
  public boolean secretUnder(CharSequence parent, CharSequence child) {
    int end = child.length();
    int from = Math.max(0, end - MAX_KEY);
    int we = KeyWords.wordEndBefore(child, from, end);
    if (we <= from) {
      return false;
    }
    int ws = KeyWords.wordStart(child, from, we, end);
    WorkMeter.add(end - ws);
    for (int stripped = 0; ; stripped++) {
      int flags = table.flags(child, ws, we);
      boolean onlyWord = KeyWords.wordEndBefore(child, from, ws) <= from;
      if ((flags & COMPOUND_SECRET_WORD) != 0 && onlyWord
          && (parent == null || KeyWords.wordEndBefore(parent, 0, parent.length()) > 0)
          || (flags & SECRET_SEQUENCE_END) != 0 && endsWithSequenceAcross(parent, child, from, ws, we, end)) {
        return true;
      }
      if ((flags & QUALIFIER) == 0 || stripped == MAX_QUALIFIERS || onlyWord) {
        return false;
      }
      we = KeyWords.wordEndBefore(child, from, ws);
      ws = KeyWords.wordStart(child, from, we, end);
    }
  }

  /** A sequence ending with the child's word at {@code [ws, we)}: its words before run through the child, then the parent. */
  private boolean endsWithSequenceAcross(CharSequence parent, CharSequence child, int from, int ws, int we, int end) {
    for (String[] seq : table.sequencesEndingWith(child, ws, we)) {
      int k = seq.length - 2; // the next word to match, walking back
      int wordStart = ws;
      int wordEnd;
      while (k >= 0 && (wordEnd = KeyWords.wordEndBefore(child, from, wordStart)) > from) {
        wordStart = KeyWords.wordStart(child, from, wordEnd, end);
        k = KeyWords.equalsIgnoreCase(child, wordStart, wordEnd, seq[k]) ? k - 1 : -2;
      }
      if (k == -1 || k >= 0 && (parent == null || endsWithWords(parent, seq, k + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Are the last words of {@code key} {@code words[0, n)}? */
  private static boolean endsWithWords(CharSequence key, String[] words, int n) {
    int end = key.length();
    int from = Math.max(0, end - MAX_KEY);
    int wordStart = end;
    for (int k = n - 1; k >= 0; k--) {
      int wordEnd = KeyWords.wordEndBefore(key, from, wordStart);
      if (wordEnd <= from) {
        return false;
      }
      wordStart = KeyWords.wordStart(key, from, wordEnd, end);
      if (!KeyWords.equalsIgnoreCase(key, wordStart, wordEnd, words[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the key {@code s[start, end)}, used as a URL query parameter, names a secret although it
   * would not elsewhere: a signature ({@code sig}, {@code X-Amz-Signature}, {@code X-Goog-Signature}: a
   * presigned or SAS URL works for whoever holds it) or a bare {@code pass}.
   */
  public boolean isQuerySecret(CharSequence s, int start, int end) {
    int from = Math.max(start, end - MAX_KEY);
    int we = KeyWords.wordEndBefore(s, from, end);
    if (we <= from) {
      return false;
    }
    return (table.flags(s, KeyWords.wordStart(s, from, we, end), we) & QUERY_SECRET_WORD) != 0;
  }

  private int classifyRest(CharSequence s, int from, int end, int lastFlags) {
    if (strict && ((lastFlags & PII_WORD) != 0 || (lastFlags & PII_SEQUENCE_END) != 0 && endsWithSequenceOfLast(s, from, end))) {
      return PII;
    }
    if ((lastFlags & IDENTIFIER_WORD) != 0) {
      return IDENTIFIER;
    }
    return (lastFlags & KEY_WORD) != 0 && namedKey(s, from, end) ? SECRET_IF_RANDOM : NONE;
  }

  /** The last word is {@code key}, after a word that is not a {@link #LOOKUP_WORDS lookup word}. */
  private boolean namedKey(CharSequence s, int from, int end) {
    int we = KeyWords.wordEndBefore(s, from, end);
    int ws = KeyWords.wordStart(s, from, we, end);
    int prevEnd = KeyWords.wordEndBefore(s, from, ws);
    if (prevEnd <= from) {
      return false;
    }
    int prevStart = KeyWords.wordStart(s, from, prevEnd, end);
    return (table.flags(s, prevStart, prevEnd) & LOOKUP_WORD) == 0;
  }

  private boolean endsWithSequenceOfLast(CharSequence s, int from, int end) {
    int we = KeyWords.wordEndBefore(s, from, end);
    int ws = KeyWords.wordStart(s, from, we, end);
    return endsWithSequence(s, from, ws, we, end);
  }

  /**
   * Cheap pre-check for the text scanner: can the key ending just before {@code keyEnd} (its last char
   * alphanumeric) be sensitive? Looks at its last three chars only; false means certainly not.
   */
  public boolean mayEndSensitiveKey(String s, int keyEnd) {
    if (anyKeyMayEndSensitive) {
      return true;
    }
    if (keyEnd < 2) {
      return false;
    }
    char b = s.charAt(keyEnd - 2);
    char c = s.charAt(keyEnd - 1);
    char a = keyEnd >= 3 ? s.charAt(keyEnd - 3) : ' ';
    if (CharClass.isAlnum(a) && !(CharClass.is(b, CharClass.UPPER) && CharClass.is(a, CharClass.LOWER))) {
      int i = index(a) * 1296 + index(b) * 36 + index(c);
      if (i >= 0 && (lastTrigrams[i >>> 6] & (1L << i)) != 0) {
        return true;
      }
    }
    int j = index(b) * 36 + index(c);
    if (j < 0 || (lastBigrams[j >>> 6] & (1L << j)) == 0) {
      return false;
    }
    return !(CharClass.lower(b) == 'i' && CharClass.lower(c) == 'd') || extraKeyEndsWithId
        || endsWithCustomerId(s, keyEnd);
  }

  /** {@code customer_id}, {@code customerId}: the one built-in sensitive key ending with the common word "id". */
  private static boolean endsWithCustomerId(String s, int keyEnd) {
    if (keyEnd < 10) {
      return false;
    }
    if (CharClass.lower(s.charAt(keyEnd - 3)) == 'r') {
      return CharClass.matchesIgnoreCase(s, keyEnd - 10, "customer");
    }
    return keyEnd >= 11 && CharClass.lower(s.charAt(keyEnd - 4)) == 'r'
        && CharClass.matchesIgnoreCase(s, keyEnd - 11, "customer");
  }

  /** A glued suffix: {@code dbpassword}, {@code mytoken}, {@code xapikey}. */
  private static boolean hasSecretSuffix(CharSequence s, int ws, int we) {
    if (we - ws <= 5) {
      return false;
    }
    switch (CharClass.lower(s.charAt(we - 1))) {
      case 'd':
        return KeyWords.endsWithLonger(s, ws, we, "password") || KeyWords.endsWithLonger(s, ws, we, "passwd");
      case 'e':
        return KeyWords.endsWithLonger(s, ws, we, "passphrase");
      case 't':
        return KeyWords.endsWithLonger(s, ws, we, "secret");
      case 'n':
        return KeyWords.endsWithLonger(s, ws, we, "token");
      case 'y':
        return KeyWords.endsWithLonger(s, ws, we, "apikey") || KeyWords.endsWithLonger(s, ws, we, "privatekey")
            || KeyWords.endsWithLonger(s, ws, we, "secretkey") || KeyWords.endsWithLonger(s, ws, we, "accesskey");
      default:
        return false;
    }
  }

  /** Does the key, whose word at {@code [ws, we)} is being looked at, end with a registered sequence? */
  private boolean endsWithSequence(CharSequence s, int from, int ws, int we, int keyEnd) {
    String[][] candidates = table.sequencesEndingWith(s, ws, we);
    for (int k = 0; k < candidates.length; k++) {
      if (matchesBackwards(s, from, ws, keyEnd, candidates[k])) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesBackwards(CharSequence s, int from, int lastStart, int keyEnd, String[] seq) {
    int wordStart = lastStart;
    for (int k = seq.length - 2; k >= 0; k--) {
      int wordEnd = KeyWords.wordEndBefore(s, from, wordStart);
      if (wordEnd <= from) {
        return false;
      }
      wordStart = KeyWords.wordStart(s, from, wordEnd, keyEnd);
      if (!KeyWords.equalsIgnoreCase(s, wordStart, wordEnd, seq[k])) {
        return false;
      }
    }
    return true;
  }

  private void markBigram(String w) {
    if (w.length() < 2) {
      anyKeyMayEndSensitive = true;
      return;
    }
    int n = w.length();
    if (n >= 3) {
      int i = index(w.charAt(n - 3)) * 1296 + index(w.charAt(n - 2)) * 36 + index(w.charAt(n - 1));
      if (i < 0) {
        anyKeyMayEndSensitive = true;
        return;
      }
      lastTrigrams[i >>> 6] |= 1L << i;
    }
    if (n == 2) {
      int j = index(w.charAt(n - 2)) * 36 + index(w.charAt(n - 1));
      if (j < 0) {
        anyKeyMayEndSensitive = true;
        return;
      }
      lastBigrams[j >>> 6] |= 1L << j;
    }
  }

  /** 0-35 for an ASCII alphanumeric (case-insensitive), else a large negative number. */
  private static int index(char c) {
    return c < 128 ? ALNUM_INDEX[c] : NOT_ALNUM;
  }

  private static int alnumIndex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    char l = CharClass.lower(c);
    return l >= 'a' && l <= 'z' ? l - 'a' + 10 : NOT_ALNUM;
  }
}
