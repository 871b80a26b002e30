package dev.runtrail.redaction.cli;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.redaction.RedactionFormat;
import java.util.Locale;
import java.util.Map;

/** The parsed command line of {@link RedactCli}. Parsing by hand: this module depends on jackson-core only. */
record CliOptions(boolean help, boolean json, PrivacyMode mode, RedactionFormat format) {

  /** Thrown for a bad command line; the message is shown to the user, and the exit code is 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static CliOptions parse(String[] args, Map<String, String> env) throws UsageException {
    boolean help = false;
    boolean json = false;
    String mode = null;
    String format = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        inline = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "-h":
        case "--help":
          help = true;
          break;
        case "--json":
          json = true;
          break;
        case "--mode":
          mode = inline != null ? inline : value(args, ++i, "--mode");
          break;
        case "--format":
          format = inline != null ? inline : value(args, ++i, "--format");
          break;
        default:
          throw new UsageException("unknown argument '" + args[i] + "'");
      }
    }
    return new CliOptions(help, json, mode(mode, env), format(format));
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static PrivacyMode mode(String option, Map<String, String> env) throws UsageException {
    try {
      if (option != null) {
        return PrivacyMode.parse(option);
      }
      return PrivacyMode.parseOrDefault(env.get(PrivacyMode.ENVIRONMENT_VARIABLE));
    } catch (IllegalArgumentException e) {
      String source = option != null ? "--mode" : PrivacyMode.ENVIRONMENT_VARIABLE;
      throw new UsageException(source + ": " + e.getMessage());
    }
  }

  private static RedactionFormat format(String option) throws UsageException {
    if (option == null) {
      return RedactionFormat.MASK;
    }
    switch (option.trim().toLowerCase(Locale.ROOT)) {
      case "mask":
        return RedactionFormat.MASK;
      case "length":
        return RedactionFormat.LENGTH_HINT;
      default:
        throw new UsageException("--format: unknown format '" + option + "' (allowed: mask, length)");
    }
  }
}
