package dev.runtrail.runs.internal.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Which decorator uses an audit flags as sensitive (seed 000: {@code @env.*SECRET*}, {@code @var.PROD_*},
 * {@code @file.*.key}, {@code @shell("sudo ...")}). Names are split into words, so
 * {@code AWS_SECRET_ACCESS_KEY} is flagged and {@code MONKEY_COUNT} is not.
 */
public final class SensitiveAccess {

  /** A value reference whose name says it holds a secret. */
  public static final String SECRET_REF = "secret-ref";
  /** A production variable. */
  public static final String PROD_VAR = "prod-var";
  /** A key or certificate file. */
  public static final String KEY_FILE = "key-file";
  /** A command run with sudo. */
  public static final String SUDO = "sudo";

  private static final Set<String> SECRET_WORDS = Set.of("SECRET", "SECRETS", "TOKEN", "TOKENS", "KEY", "KEYS",
      "APIKEY", "PASSWORD", "PASSWD", "PWD", "CREDENTIAL", "CREDENTIALS", "PRIVATE", "PASSPHRASE");
  private static final Set<String> KEY_FILE_SUFFIXES = Set.of(".key", ".pem", ".p12", ".pfx", ".jks", ".keystore");

  private SensitiveAccess() {}

  /** The flag for one use, or null when it is not sensitive. */
  public static String flag(String decorator, String parameter) {
    if (decorator == null || parameter == null) {
      return null;
    }
    String name = decorator.toLowerCase(Locale.ROOT);
    String value = parameter.trim();
    switch (name) {
      case "@env":
      case "@var":
      case "@secret":
        if (name.equals("@var") && value.toUpperCase(Locale.ROOT).startsWith("PROD_")) {
          return PROD_VAR;
        }
        return namesSecret(value) ? SECRET_REF : null;
      case "@file":
        return isKeyFile(value) ? KEY_FILE : null;
      case "@shell":
      case "@exec":
        return usesSudo(value) ? SUDO : null;
      default:
        return null;
    }
  }

  private static boolean namesSecret(String name) {
    String upper = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    boolean publicValue = false;
    boolean secret = false;
    for (String word : upper.split("[^A-Z0-9]+")) {
      publicValue |= word.equals("PUBLIC");
      secret |= SECRET_WORDS.contains(word);
    }
    return secret && !publicValue;
  }

  private static boolean isKeyFile(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String suffix : KEY_FILE_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return lower.contains("id_rsa") || lower.contains("id_ed25519") || lower.contains("id_ecdsa");
  }

  private static boolean usesSudo(String command) {
    String lower = command.toLowerCase(Locale.ROOT);
    return lower.startsWith("sudo ") || lower.equals("sudo") || lower.matches("(?s).*[;&|(]\\s{0,8}sudo\\s.*")
        || lower.contains(" sudo ");
  }
}
