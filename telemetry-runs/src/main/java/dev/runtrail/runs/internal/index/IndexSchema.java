package dev.runtrail.runs.internal.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The tables of the index and their versioned migrations, the same for SQLite and PostgreSQL. Each
 * applied migration is a row of {@code schema_version}; SQLite also keeps the version in
 * {@code PRAGMA user_version} (where indexes before {@code schema_version} kept it). Timestamps are
 * epoch milliseconds (UTC); JSON columns hold compact JSON text.
 */
final class IndexSchema {

  /** One step of the schema: applied once, in order, in one transaction with the others pending. */
  record Migration(int version, String description, List<String> statements) {}

  /** Every migration, oldest first; the last one's version is what this code writes and reads. */
  static List<Migration> migrations(SqlDialect dialect) {
    String keyed = dialect.keyedTableOptions();
    return List.of(new Migration(1, "runs, steps and trail events", List.of(
        "CREATE TABLE IF NOT EXISTS runs ("
            + " run_id TEXT PRIMARY KEY NOT NULL, name TEXT, env TEXT, target TEXT, plan_hash TEXT,"
            + " started_at BIGINT NOT NULL, ended_at BIGINT NOT NULL, duration_ms BIGINT NOT NULL,"
            + " status TEXT NOT NULL, error_code TEXT, error_message TEXT, failed_step TEXT,"
            + " retries INTEGER NOT NULL DEFAULT 0, runner TEXT, ticket TEXT, git_sha TEXT, git_branch TEXT,"
            + " trace_id TEXT, correlation_id TEXT, session_id TEXT, spans_sampled INTEGER,"
            + " policy TEXT NOT NULL DEFAULT '{}', dir TEXT NOT NULL, indexed_at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS runs_by_started ON runs(started_at, run_id)",
        "CREATE INDEX IF NOT EXISTS runs_by_env ON runs(env, started_at, run_id)",
        "CREATE INDEX IF NOT EXISTS runs_by_target ON runs(target, started_at, run_id)",
        "CREATE INDEX IF NOT EXISTS runs_by_status ON runs(status, started_at, run_id)",
        "CREATE INDEX IF NOT EXISTS runs_by_plan_hash ON runs(plan_hash, started_at, run_id)",
        "CREATE TABLE IF NOT EXISTS steps ("
            + " run_id TEXT NOT NULL, ordinal INTEGER NOT NULL, path TEXT NOT NULL, parent_path TEXT,"
            + " started_at BIGINT NOT NULL, ended_at BIGINT NOT NULL, duration_ms BIGINT NOT NULL,"
            + " status TEXT NOT NULL, exit_code INTEGER, error_code TEXT, error_message TEXT,"
            + " retries INTEGER NOT NULL DEFAULT 0, attempts TEXT NOT NULL DEFAULT '[]', stderr_tail TEXT,"
            + " PRIMARY KEY (run_id, ordinal))" + keyed,
        "CREATE INDEX IF NOT EXISTS steps_by_path ON steps(path)",
        "CREATE TABLE IF NOT EXISTS trail_events ("
            + " run_id TEXT NOT NULL, seq BIGINT NOT NULL, ts BIGINT NOT NULL, type TEXT NOT NULL,"
            + " step TEXT, data TEXT NOT NULL DEFAULT '{}',"
            + " PRIMARY KEY (run_id, seq))" + keyed,
        "CREATE INDEX IF NOT EXISTS trail_events_by_type ON trail_events(type, run_id)")));
  }

  /** The version this code writes and reads. */
  static final int VERSION = 1;

  private IndexSchema() {}

  /** Applies the missing migrations; refuses a database written by a newer version. */
  static void ensure(Connection connection, SqlDialect dialect, String where) throws SQLException {
    int version = dialect.quickVersion(connection);
    refuseNewer(version, where);
    if (version == VERSION) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      dialect.lockForMigration(statement);
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY NOT NULL,"
          + " description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      // Another process may have migrated while we waited for the lock; an old SQLite index has only user_version.
      int applied = Math.max(recordedVersion(connection), dialect.quickVersion(connection));
      refuseNewer(applied, where);
      for (Migration migration : migrations(dialect)) {
        if (migration.version() > applied) {
          apply(connection, statement, migration);
        } else if (recordedVersion(connection) < migration.version()) {
          record(connection, migration); // adopted from user_version
        }
      }
      dialect.migrated(statement, VERSION);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The highest version in {@code schema_version} (0 when empty); the table must exist. */
  static int recordedVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT max(version) FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void apply(Connection connection, Statement statement, Migration migration) throws SQLException {
    for (String sql : migration.statements()) {
      statement.execute(sql);
    }
    record(connection, migration);
  }

  private static void record(Connection connection, Migration migration) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.description());
      insert.setLong(3, Instant.now().toEpochMilli());
      insert.executeUpdate();
    }
  }

  private static void refuseNewer(int version, String where) {
    if (version > VERSION) {
      throw new IndexException(where + " has schema version " + version + ", newer than this runtrail reads ("
          + VERSION + "): use a newer runtrail, or move it away and run `runtrail runs reindex`");
    }
  }
}
