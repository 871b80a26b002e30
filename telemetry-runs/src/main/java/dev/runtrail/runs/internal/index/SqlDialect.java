package dev.runtrail.runs.internal.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The few places where SQLite and PostgreSQL differ for the index. Everything else (tables, upserts
 * with {@code ON CONFLICT ... DO UPDATE}, queries) is one SQL text that both engines run.
 */
public enum SqlDialect {
  SQLITE {
    @Override
    Connection connect(IndexLocation location) throws SQLException {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout(RunIndex.BUSY_TIMEOUT_MS);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      return DriverManager.getConnection(location.jdbcUrl(), config.toProperties());
    }

    @Override
    String keyedTableOptions() {
      return " WITHOUT ROWID";
    }

    @Override
    int quickVersion(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }

    @Override
    void lockForMigration(Statement statement) {
      // The connection's transactions are BEGIN IMMEDIATE: the write lock is already held.
    }

    @Override
    void migrated(Statement statement, int version) throws SQLException {
      statement.execute("PRAGMA user_version = " + version);
    }

    @Override
    String explain(String sql) {
      return "EXPLAIN QUERY PLAN " + sql;
    }
  },

  POSTGRES {
    @Override
    Connection connect(IndexLocation location) throws SQLException {
      return DriverManager.getConnection(location.jdbcUrl());
    }

    @Override
    String keyedTableOptions() {
      return "";
    }

    @Override
    int quickVersion(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT to_regclass('schema_version') IS NOT NULL")) {
        if (!rows.next() || !rows.getBoolean(1)) {
          return 0;
        }
      }
      return IndexSchema.recordedVersion(connection);
    }

    @Override
    void lockForMigration(Statement statement) throws SQLException {
      // Writers starting at once on an empty database would race on CREATE TABLE; one migrates at a time.
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
    }

    @Override
    void migrated(Statement statement, int version) {
      // schema_version is the only record.
    }

    @Override
    String explain(String sql) {
      return "EXPLAIN " + sql;
    }
  };

  /** PostgreSQL advisory lock key taken while migrating ("runtrail" in ASCII, as a number). */
  static final long MIGRATION_LOCK = 0x72756e747261696cL;

  /** A new connection to the index (auto-commit on). */
  abstract Connection connect(IndexLocation location) throws SQLException;

  /** What follows the closing parenthesis of a table with a composite primary key. */
  abstract String keyedTableOptions();

  /** The schema version, read cheaply without a lock (0 for an empty database). */
  abstract int quickVersion(Connection connection) throws SQLException;

  /** Inside the migration transaction, before reading the version again: keeps other migrators out. */
  abstract void lockForMigration(Statement statement) throws SQLException;

  /** After the migrations to {@code version} ran, inside their transaction. */
  abstract void migrated(Statement statement, int version) throws SQLException;

  /** The engine's query plan statement for {@code sql}. */
  abstract String explain(String sql);
}
