package dev.runtrail.runs.internal.index;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the run index lives: the local SQLite file {@code <runs-dir>/runs.db}, or a PostgreSQL database
 * shared by several machines ({@code RUNTRAIL_INDEX_URL=jdbc:postgresql://host:port/db?user=..}).
 *
 * @param jdbcUrl the URL the driver is given (may hold a password: never print it, print {@link #display})
 * @param display the URL with any password masked, for messages
 * @param dialect how this engine's SQL differs
 * @param file the SQLite file, or null for a server
 */
public record IndexLocation(String jdbcUrl, String display, SqlDialect dialect, Path file) {

  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  /** The SQLite index file. */
  public static IndexLocation file(Path file) {
    Path absolute = file.toAbsolutePath();
    return new IndexLocation("jdbc:sqlite:" + absolute, file.toString(), SqlDialect.SQLITE, absolute);
  }

  /**
   * Parses an index URL: {@code jdbc:postgresql://...} or {@code jdbc:sqlite:/path/runs.db}.
   *
   * @param source the variable or option it came from, named in the error
   * @throws IllegalArgumentException naming the source and the (masked) value when it is neither
   */
  public static IndexLocation parse(String url, String source) {
    String value = url == null ? "" : url.trim();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:") && value.length() > "jdbc:postgresql:".length()) {
      return new IndexLocation(value, mask(value), SqlDialect.POSTGRES, null);
    }
    if (lower.startsWith("jdbc:sqlite:") && value.length() > "jdbc:sqlite:".length()) {
      return file(Path.of(value.substring("jdbc:sqlite:".length())));
    }
    throw new IllegalArgumentException(source + "='" + mask(value) + "' is not an index URL: use"
        + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER (a shared index) or jdbc:sqlite:/path/runs.db");
  }

  /** Whether other machines may write this index too (a server, not a local file). */
  public boolean shared() {
    return file == null;
  }

  @Override
  public String toString() {
    return display;
  }

  /** The URL with the value of any {@code password=} parameter, and of a password in user info, masked. */
  static String mask(String url) {
    String decoded = url.contains("%") ? decodeQuietly(url) : url;
    String masked = PASSWORD.matcher(decoded).replaceAll("$1****");
    return USER_INFO.matcher(masked).replaceAll("$1****@");
  }

  private static String decodeQuietly(String url) {
    try {
      return URLDecoder.decode(url, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
