package dev.runtrail.redaction.internal;

/**
 * What a {@link TextScanner} is built from: the public policy, resolved into engine terms. Rule sets are bit
 * masks: {@code enabledRules} holds ids 0-63, {@code enabledRulesHigh} ids 64-127 (token families).
 */
public record ScannerSettings(
    long enabledRules,
    Replacement replacement,
    KeyClassifier keys,
    boolean strict,
    String homeDirectory,
    String userName,
    long enabledRulesHigh) {

  /** Settings with every rule from id 64 on enabled. */
  public ScannerSettings(long enabledRules, Replacement replacement, KeyClassifier keys, boolean strict,
      String homeDirectory, String userName) {
    this(enabledRules, replacement, keys, strict, homeDirectory, userName, -1L);
  }

  /** True when rule {@code id} is enabled. */
  public boolean enabled(int id) {
    return RuleIds.in(id, enabledRules, enabledRulesHigh);
  }
}
