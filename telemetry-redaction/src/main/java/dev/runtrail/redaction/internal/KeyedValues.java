package dev.runtrail.redaction.internal;

import java.util.function.IntConsumer;

/**
 * The one place that decides what happens to a value given the key it sits under, shared by
 * {@code redact(key, value)}, map trees and JSON: a secret key masks the whole value, a personal-data
 * key (strict) too, an id key keeps card/address rules off, any other key runs the value rules.
 */
public final class KeyedValues {
  private static final long ID_SUPPRESSED =
      (1L << RuleIds.CARD_NUMBER) | (1L << RuleIds.IPV4_ADDRESS) | (1L << RuleIds.IPV6_ADDRESS);

  private final TextScanner scanner;
  private final KeyClassifier keys;
  private final Replacement replacement;
  private final IntConsumer onMatch;
  private final boolean secretKeysOn;
  private final boolean piiKeysOn;
  /** Field names repeat (map keys, JSON keys, attribute names): their class is remembered, up to a bound. */
  private final KnownKeys known = new KnownKeys();

  public KeyedValues(TextScanner scanner, ScannerSettings settings, IntConsumer onMatch) {
    this.scanner = scanner;
    this.keys = settings.keys();
    this.replacement = settings.replacement();
    this.onMatch = onMatch;
    this.secretKeysOn = (settings.enabledRules() & (1L << RuleIds.SENSITIVE_KEY)) != 0;
    this.piiKeysOn = (settings.enabledRules() & (1L << RuleIds.PII_KEY)) != 0;
  }

  public TextScanner scanner() {
    return scanner;
  }

  public Replacement replacement() {
    return replacement;
  }

  /** Like {@link #classify(CharSequence)}, remembering the answer in a bounded table of recent keys. */
  public int classifyCached(String key) {
    return entry(key).keyClass;
  }

  /**
   * The class of {@code key} as a map entry or JSON field inside the value of {@code parentKey} (null at the
   * top): a key that names a secret only after another word counts its parent's words, as the dotted key
   * would ({@code {api: {key: ...}}} is {@code api.key}; {@code {public: {key: ...}}} stays clean).
   */
  public int classifyUnder(String parentKey, String key) {
    return classUnder(parentKey, entry(key));
  }

  /** What is known about {@code key}: its class, and whether its text is known clean; classified if new. */
  KnownKeys.Entry entry(String key) {
    KnownKeys.Entry e = known.get(key);
    return e != null ? e : remember(key, classify(key), false);
  }

  /** {@link #classifyUnder} for a key already looked up: only keys that a parent can change look at it. */
  int classUnder(String parentKey, KnownKeys.Entry e) {
    return e.parentMatters && parentKey != null && keys.secretUnder(parentKey, e.key) ? KeyClassifier.SECRET : e.keyClass;
  }

  private KnownKeys.Entry remember(String key, int keyClass, boolean cleanText) {
    boolean parentMatters = secretKeysOn && keyClass != KeyClassifier.SECRET && keys.secretUnder(null, key);
    return known.put(key, keyClass, cleanText, parentMatters);
  }

  /**
   * The class of {@code key} when it is remembered as a clean key (see {@link #redactKey}), else -1: one
   * table lookup answers both questions a map entry asks about its key.
   */
  public int knownCleanKeyClass(String key) {
    KnownKeys.Entry e = known.get(key);
    return e != null && e.cleanText ? e.keyClass : -1;
  }

  /**
   * A key (map key, JSON field name) as it may leave the process: the value rules apply to keys too, so a
   * secret used as a key does not leak. Returns {@code key} itself when clean; a clean key is remembered
   * with its class and not scanned again.
   */
  public String redactKey(String key) {
    KnownKeys.Entry e = known.get(key);
    if (e != null && e.cleanText) {
      return key;
    }
    String red = scanner.redact(key);
    if (red == key) {
      remember(key, e != null ? e.keyClass : classify(key), true);
    }
    return red;
  }

  /** {@link KeyClassifier} class of {@code key} under this policy (disabled key rules count as NONE). */
  public int classify(CharSequence key) {
    return enabledOnly(keys.classify(key));
  }

  /** {@link #classify(CharSequence)} of {@code s[start, end)}, without allocating. */
  public int classify(CharSequence s, int start, int end) {
    return enabledOnly(keys.classify(s, start, end));
  }

  private int enabledOnly(int cls) {
    if ((cls == KeyClassifier.SECRET || cls == KeyClassifier.SECRET_IF_RANDOM) && !secretKeysOn
        || cls == KeyClassifier.PII && !piiKeysOn) {
      return KeyClassifier.NONE;
    }
    return cls;
  }

  /** True when values under a key of this class are masked whole. */
  public static boolean masksWhole(int keyClass) {
    return keyClass == KeyClassifier.SECRET || keyClass == KeyClassifier.PII;
  }

  /** The value as it may leave the process when it sits under a key of class {@code keyClass}. */
  public String redactUnder(int keyClass, String value) {
    if (value == null) {
      return null;
    }
    if (masksWhole(keyClass)
        || keyClass == KeyClassifier.SECRET_IF_RANDOM && RandomValue.looksRandom(value, 0, value.length())) {
      return mask(keyClass, value);
    }
    return scanner.redact(value, keyClass == KeyClassifier.IDENTIFIER ? ID_SUPPRESSED : 0L);
  }

  /** The whole-value replacement, reporting the key rule. */
  public String mask(int keyClass, CharSequence value) {
    onMatch.accept(keyClass == KeyClassifier.PII ? RuleIds.PII_KEY : RuleIds.SENSITIVE_KEY);
    return replacement.forValue(value);
  }
}
