package dev.runtrail.runs.internal.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of {@code runs.db} and their version (kept in {@code PRAGMA user_version}). Timestamps
 * are epoch milliseconds (UTC); JSON columns hold compact JSON text.
 */
final class IndexSchema {

  /** The version this code writes and reads. */
  static final int VERSION = 1;

  private static final List<String> CREATE = List.of(
      "CREATE TABLE IF NOT EXISTS runs ("
          + " run_id TEXT PRIMARY KEY NOT NULL, name TEXT, env TEXT, target TEXT, plan_hash TEXT,"
          + " started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL, duration_ms INTEGER NOT NULL,"
          + " status TEXT NOT NULL, error_code TEXT, error_message TEXT, failed_step TEXT,"
          + " retries INTEGER NOT NULL DEFAULT 0, runner TEXT, ticket TEXT, git_sha TEXT, git_branch TEXT,"
          + " trace_id TEXT, correlation_id TEXT, session_id TEXT, spans_sampled INTEGER,"
          + " policy TEXT NOT NULL DEFAULT '{}', dir TEXT NOT NULL, indexed_at INTEGER NOT NULL)",
      "CREATE INDEX IF NOT EXISTS runs_by_started ON runs(started_at, run_id)",
      "CREATE INDEX IF NOT EXISTS runs_by_env ON runs(env, started_at, run_id)",
      "CREATE INDEX IF NOT EXISTS runs_by_target ON runs(target, started_at, run_id)",
      "CREATE INDEX IF NOT EXISTS runs_by_status ON runs(status, started_at, run_id)",
      "CREATE INDEX IF NOT EXISTS runs_by_plan_hash ON runs(plan_hash, started_at, run_id)",
      "CREATE TABLE IF NOT EXISTS steps ("
          + " run_id TEXT NOT NULL, ordinal INTEGER NOT NULL, path TEXT NOT NULL, parent_path TEXT,"
          + " started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL, duration_ms INTEGER NOT NULL,"
          + " status TEXT NOT NULL, exit_code INTEGER, error_code TEXT, error_message TEXT,"
          + " retries INTEGER NOT NULL DEFAULT 0, attempts TEXT NOT NULL DEFAULT '[]', stderr_tail TEXT,"
          + " PRIMARY KEY (run_id, ordinal)) WITHOUT ROWID",
      "CREATE INDEX IF NOT EXISTS steps_by_path ON steps(path)",
      "CREATE TABLE IF NOT EXISTS trail_events ("
          + " run_id TEXT NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL, type TEXT NOT NULL,"
          + " step TEXT, data TEXT NOT NULL DEFAULT '{}',"
          + " PRIMARY KEY (run_id, seq)) WITHOUT ROWID",
      "CREATE INDEX IF NOT EXISTS trail_events_by_type ON trail_events(type, run_id)");

  private IndexSchema() {}

  /** Creates the tables if missing; refuses a database written by a newer version. */
  static void ensure(Connection connection, String where) throws SQLException {
    int version = userVersion(connection);
    if (version > VERSION) {
      throw new IndexException(where + " has schema version " + version + ", newer than this runtrail reads ("
          + VERSION + "): use a newer runtrail, or move it away and run `runtrail runs reindex`");
    }
    if (version == VERSION) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : CREATE) {
        statement.execute(sql);
      }
      statement.execute("PRAGMA user_version = " + VERSION);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}
