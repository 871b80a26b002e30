package dev.runtrail.redaction;

import dev.runtrail.redaction.internal.Replacement;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Redactor} does: privacy mode, output format, extra sensitive keys, the home directory and
 * user name to anonymize, and rules switched off. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * RedactionPolicy policy = RedactionPolicy.builder()
 *     .mode(PrivacyMode.STRICT)
 *     .format(RedactionFormat.LENGTH_HINT)
 *     .extraSensitiveKeys("tenant_signing_secret_ref")
 *     .build();
 * }</pre>
 */
public final class RedactionPolicy {
  private final PrivacyMode mode;
  private final RedactionFormat format;
  private final String maskText;
  private final Set<String> extraSensitiveKeys;
  private final String homeDirectory;
  private final String userName;
  private final Set<String> disabledRules;

  private RedactionPolicy(Builder b) {
    this.mode = b.mode;
    this.format = b.format;
    this.maskText = b.maskText;
    this.extraSensitiveKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.extraSensitiveKeys));
    this.homeDirectory = b.homeDirectory;
    this.userName = b.userName;
    this.disabledRules = Collections.unmodifiableSet(new LinkedHashSet<>(b.disabledRules));
  }

  /** BALANCED, {@code [REDACTED]}, home and user from {@code user.home} / {@code user.name}. */
  public static RedactionPolicy defaults() {
    return builder().build();
  }

  /** {@link #defaults()} with the mode from {@link PrivacyMode#fromEnvironment()} ({@code RUNTRAIL_PRIVACY}). */
  public static RedactionPolicy fromEnvironment() {
    return builder().mode(PrivacyMode.fromEnvironment()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's settings. */
  public Builder toBuilder() {
    Builder b = new Builder().mode(mode).format(format).maskText(maskText).homeDirectory(homeDirectory)
        .userName(userName);
    b.extraSensitiveKeys.addAll(extraSensitiveKeys);
    b.disabledRules.addAll(disabledRules);
    return b;
  }

  public PrivacyMode mode() {
    return mode;
  }

  public RedactionFormat format() {
    return format;
  }

  /** The text used by {@link RedactionFormat#MASK}. */
  public String maskText() {
    return maskText;
  }

  public Set<String> extraSensitiveKeys() {
    return extraSensitiveKeys;
  }

  /** The home directory replaced by {@code ~}, or null for none. */
  public String homeDirectory() {
    return homeDirectory;
  }

  /** The user name replaced by {@code <user>} in strict mode, or null for none. */
  public String userName() {
    return userName;
  }

  /** Names of rules switched off. */
  public Set<String> disabledRules() {
    return disabledRules;
  }

  /** True when rule {@code rule} fires under this policy (its mode covers it and it is not disabled). */
  public boolean isActive(RedactionRule rule) {
    return rule.activeIn(mode) && !disabledRules.contains(rule.name());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RedactionPolicy)) {
      return false;
    }
    RedactionPolicy p = (RedactionPolicy) o;
    return mode == p.mode && format == p.format && maskText.equals(p.maskText)
        && extraSensitiveKeys.equals(p.extraSensitiveKeys) && Objects.equals(homeDirectory, p.homeDirectory)
        && Objects.equals(userName, p.userName) && disabledRules.equals(p.disabledRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, format, maskText, extraSensitiveKeys, homeDirectory, userName, disabledRules);
  }

  @Override
  public String toString() {
    return "RedactionPolicy{mode=" + mode + ", format=" + format + ", extraSensitiveKeys=" + extraSensitiveKeys
        + ", disabledRules=" + disabledRules + "}";
  }

  /** Builds a {@link RedactionPolicy}; every setter rejects bad input with an {@link IllegalArgumentException}. */
  public static final class Builder {
    private PrivacyMode mode = PrivacyMode.BALANCED;
    private RedactionFormat format = RedactionFormat.MASK;
    private String maskText = Replacement.DEFAULT_MASK;
    private final Set<String> extraSensitiveKeys = new LinkedHashSet<>();
    private String homeDirectory = System.getProperty("user.home");
    private String userName = System.getProperty("user.name");
    private final Set<String> disabledRules = new LinkedHashSet<>();

    private Builder() {}

    public Builder mode(PrivacyMode mode) {
      this.mode = require(mode, "mode");
      return this;
    }

    public Builder format(RedactionFormat format) {
      this.format = require(format, "format");
      return this;
    }

    /** The replacement text for {@link RedactionFormat#MASK}: non-blank, one line. */
    public Builder maskText(String maskText) {
      if (maskText == null || maskText.isBlank() || maskText.indexOf('\n') >= 0 || maskText.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("mask text must be non-blank and on one line, got '" + maskText + "'");
      }
      this.maskText = maskText;
      return this;
    }

    /** Keys whose values are always redacted, matched like the built-in ones (case, separators, camelCase). */
    public Builder extraSensitiveKeys(String... keys) {
      return extraSensitiveKeys(List.of(require(keys, "keys")));
    }

    public Builder extraSensitiveKeys(Collection<String> keys) {
      for (String key : require(keys, "keys")) {
        if (key == null || key.isBlank()) {
          throw new IllegalArgumentException("sensitive key must be non-blank, got '" + key + "'");
        }
        extraSensitiveKeys.add(key);
      }
      return this;
    }

    /** The home directory to anonymize (default: {@code user.home}); null for none. */
    public Builder homeDirectory(String homeDirectory) {
      this.homeDirectory = homeDirectory == null || homeDirectory.isBlank() ? null : homeDirectory;
      return this;
    }

    /** The user name to anonymize in strict mode (default: {@code user.name}); null for none. */
    public Builder userName(String userName) {
      this.userName = userName == null || userName.isBlank() ? null : userName;
      return this;
    }

    /** Switches off one built-in rule by its {@link RedactionRule#name()}. */
    public Builder disableRule(String name) {
      if (RuleCatalog.find(name).isEmpty()) {
        throw new IllegalArgumentException("unknown redaction rule '" + name + "' (known: "
            + String.join(", ", RuleCatalog.names()) + ")");
      }
      disabledRules.add(name);
      return this;
    }

    public RedactionPolicy build() {
      return new RedactionPolicy(this);
    }

    private static <T> T require(T value, String what) {
      if (value == null) {
        throw new IllegalArgumentException(what + " must not be null");
      }
      return value;
    }
  }
}
