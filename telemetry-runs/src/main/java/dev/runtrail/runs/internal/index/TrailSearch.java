package dev.runtrail.runs.internal.index;

import dev.runtrail.telemetry.core.json.JsonTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Text search and trail scans over the index. Search is {@code lower(column) LIKE lower('%text%')}
 * (case-insensitive; SQLite folds ASCII letters only, PostgreSQL all) over the runs in the time window:
 * a scan of those rows, not a full-text index.
 */
public final class TrailSearch {

  /** One place where the text was found. */
  public record Hit(String runId, Instant startedAt, String env, String where, String step, String text) {}

  /** One trail event with its run's env and runner. */
  public record EventRow(String runId, String env, String runner, long seq, Instant ts, String type, String step,
      Map<String, Object> data) {}

  private static final String RUN_WINDOW = " r.started_at >= ? AND (? IS NULL OR r.env = ?)";
  private static final String GREP = String.join(" UNION ALL ",
      "SELECT r.run_id, r.started_at, r.env, 'run error' AS kind, r.failed_step AS step, r.error_message AS text"
          + " FROM runs r WHERE" + RUN_WINDOW + " AND lower(r.error_message) LIKE lower(?) ESCAPE '\\'",
      "SELECT r.run_id, r.started_at, r.env, 'step', s.path, s.path"
          + " FROM steps s JOIN runs r ON r.run_id = s.run_id WHERE" + RUN_WINDOW
          + " AND lower(s.path) LIKE lower(?) ESCAPE '\\'",
      "SELECT r.run_id, r.started_at, r.env, 'step error', s.path, s.error_message"
          + " FROM steps s JOIN runs r ON r.run_id = s.run_id WHERE" + RUN_WINDOW
          + " AND lower(s.error_message) LIKE lower(?) ESCAPE '\\'",
      "SELECT r.run_id, r.started_at, r.env, 'stderr', s.path, s.stderr_tail"
          + " FROM steps s JOIN runs r ON r.run_id = s.run_id WHERE" + RUN_WINDOW
          + " AND lower(s.stderr_tail) LIKE lower(?) ESCAPE '\\'",
      "SELECT r.run_id, r.started_at, r.env, 'trail ' || t.type || ' #' || t.seq, t.step, t.data"
          + " FROM trail_events t JOIN runs r ON r.run_id = t.run_id WHERE" + RUN_WINDOW
          + " AND (lower(t.data) LIKE lower(?) ESCAPE '\\' OR lower(t.type) LIKE lower(?) ESCAPE '\\')")
      + " ORDER BY 2 DESC, 1 DESC LIMIT ?";
  private static final String EVENTS = "SELECT t.run_id, r.env, r.runner, t.seq, t.ts, t.type, t.step, t.data"
      + " FROM trail_events t JOIN runs r ON r.run_id = t.run_id WHERE" + RUN_WINDOW
      + " ORDER BY r.started_at, t.run_id, t.seq";

  private final Connection connection;
  private final IndexLocation location;

  TrailSearch(Connection connection, IndexLocation location) {
    this.connection = connection;
    this.location = location;
  }

  /** Places containing {@code text} in runs started since {@code since} (in {@code env} if not null). */
  public List<Hit> grep(String text, Instant since, String env, int limit) {
    String pattern = "%" + escapeLike(text) + "%";
    try (PreparedStatement query = connection.prepareStatement(GREP)) {
      int i = 1;
      for (int part = 0; part < 5; part++) {
        query.setLong(i++, since.toEpochMilli());
        query.setString(i++, env);
        query.setString(i++, env);
        query.setString(i++, pattern);
        if (part == 4) {
          query.setString(i++, pattern);
        }
      }
      query.setInt(i, limit);
      List<Hit> hits = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          hits.add(new Hit(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
              rows.getString(4), rows.getString(5), rows.getString(6)));
        }
      }
      return hits;
    } catch (SQLException e) {
      throw new IndexException("searching " + location + " failed: " + e.getMessage(), e);
    }
  }

  /** Every trail event of the runs started since {@code since} (in {@code env} if not null), in order. */
  public void events(Instant since, String env, Consumer<EventRow> consumer) {
    try (PreparedStatement query = connection.prepareStatement(EVENTS)) {
      query.setLong(1, since.toEpochMilli());
      query.setString(2, env);
      query.setString(3, env);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Map<String, Object> data = parseData(rows.getString(8));
          consumer.accept(new EventRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
              Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6), rows.getString(7), data));
        }
      }
    } catch (SQLException e) {
      throw new IndexException("reading trail events from " + location + " failed: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> parseData(String json) {
    try {
      return JsonTree.parseObject(json);
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  /** Makes {@code %}, {@code _} and the escape character itself literal in a LIKE pattern. */
  static String escapeLike(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
