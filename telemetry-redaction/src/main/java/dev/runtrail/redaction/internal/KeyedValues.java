package dev.runtrail.redaction.internal;

import java.util.concurrent.ConcurrentHashMap;
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
  /** Field names repeat (JSON keys, attribute names): their class is remembered, up to a bound. */
  private final ConcurrentHashMap<String, Integer> classByKey = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_KEYS = 4096;

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

  /** Like {@link #classify(CharSequence)}, remembering the answer for up to 4096 distinct keys. */
  public int classifyCached(String key) {
    Integer cached = classByKey.get(key);
    if (cached != null) {
      return cached;
    }
    int cls = classify(key);
    if (classByKey.size() < MAX_CACHED_KEYS && key.length() <= 128) {
      classByKey.put(key, cls);
    }
    return cls;
  }

  /** {@link KeyClassifier} class of {@code key} under this policy (disabled key rules count as NONE). */
  public int classify(CharSequence key) {
    int cls = keys.classify(key);
    if (cls == KeyClassifier.SECRET && !secretKeysOn || cls == KeyClassifier.PII && !piiKeysOn) {
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
    if (masksWhole(keyClass)) {
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
