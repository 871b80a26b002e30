package dev.runtrail.redaction.internal;

/** What a {@link TextScanner} is built from: the public policy, resolved into engine terms. */
public record ScannerSettings(
    long enabledRules,
    Replacement replacement,
    KeyClassifier keys,
    boolean strict,
    String homeDirectory,
    String userName) {}
