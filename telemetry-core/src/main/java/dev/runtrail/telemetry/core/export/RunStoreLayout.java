package dev.runtrail.telemetry.core.export;

import java.nio.file.Path;

/**
 * Where a run's folder is: {@code <runs-dir>/<env>/<target>/<plan-hash>/<run-id>/}, each part made
 * path-safe (see {@code docs/run-store-format.md}).
 */
public final class RunStoreLayout {

  /** The trail file's name inside a run folder. */
  public static final String TRAIL_FILE = "trail.jsonl";

  private final Path root;

  public RunStoreLayout(Path root) {
    this.root = root;
  }

  /** The runs directory. */
  public Path root() {
    return root;
  }

  /** The folder of one run. */
  public Path runDirectory(String env, String target, String planHash, String runId) {
    return root.resolve(safe(env)).resolve(safe(target)).resolve(safe(planHash)).resolve(safe(runId));
  }

  /**
   * A path segment: characters outside {@code [A-Za-z0-9._-]} become {@code _}; empty, null,
   * {@code .} and {@code ..} become {@code _}; at most 100 characters.
   */
  public static String safe(String part) {
    if (part == null || part.isEmpty() || part.equals(".") || part.equals("..")) {
      return "_";
    }
    int length = Math.min(part.length(), 100);
    StringBuilder out = null;
    for (int i = 0; i < length; i++) {
      char c = part.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!ok && out == null) {
        out = new StringBuilder(length).append(part, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '_');
      }
    }
    if (out != null) {
      return out.toString();
    }
    return length == part.length() ? part : part.substring(0, length);
  }
}
