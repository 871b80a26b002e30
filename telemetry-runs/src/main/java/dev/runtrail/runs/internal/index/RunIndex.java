package dev.runtrail.runs.internal.index;

import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import dev.runtrail.runs.internal.summary.Timestamps;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run index: one row per run, its steps and its trail events, written when a run finishes and
 * rebuildable from the run folders. Either the local SQLite file {@code runs.db} (WAL mode and a busy
 * timeout let several processes write it) or a PostgreSQL database shared by a fleet
 * ({@link IndexLocation}); the same tables and SQL for both. Every statement is prepared (no SQL is
 * built from user input). Not thread-safe:
 * one thread at a time (the run store's exporter keeps one open for its life and serializes its batches;
 * commands open one per use).
 */
public final class RunIndex implements AutoCloseable {

  /** How long a writer waits for another process's lock before giving up. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private static final List<String> RUN_COLUMNS = List.of("name", "env", "target", "plan_hash", "started_at",
      "ended_at", "duration_ms", "status", "error_code", "error_message", "failed_step", "retries", "runner", "ticket",
      "git_sha", "git_branch", "trace_id", "correlation_id", "session_id", "spans_sampled", "policy", "dir",
      "indexed_at");
  /** Adds a run row unless the run is indexed already (then it changes nothing and counts 0 rows). */
  private static final String INSERT_NEW_RUN =
      insert("runs", List.of("run_id"), RUN_COLUMNS) + " ON CONFLICT (run_id) DO NOTHING";
  private static final String INSERT_RUN = upsert("runs", List.of("run_id"), RUN_COLUMNS);
  private static final String INSERT_STEP = "INSERT INTO steps (run_id, ordinal, path, parent_path, started_at,"
      + " ended_at, duration_ms, status, exit_code, error_code, error_message, retries, attempts, stderr_tail)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT =
      upsert("trail_events", List.of("run_id", "seq"), List.of("ts", "type", "step", "data"));
  /** A run's rows, children first; a run's rows are always written and removed together. */
  private static final List<String> DELETES = List.of("DELETE FROM trail_events WHERE run_id = ?",
      "DELETE FROM steps WHERE run_id = ?", "DELETE FROM runs WHERE run_id = ?");
  /** Of {@link #DELETES}, those of the rows a run's new version replaces (its run row is updated in place). */
  private static final int CHILD_DELETES = 2;

  private final Connection connection;
  private final IndexLocation location;

  private RunIndex(Connection connection, IndexLocation location) {
    this.connection = connection;
    this.location = location;
  }

  /**
   * Opens (creating if needed) the index file and its tables.
   *
   * @throws IndexException naming the file when it cannot be opened or is not a runs index
   */
  public static RunIndex open(Path file) {
    return open(IndexLocation.file(file));
  }

  /**
   * Opens the index at this location, creating its folder (SQLite) and applying the missing schema
   * migrations.
   *
   * @throws IndexException naming the location (password masked) when it cannot be opened or is not a
   *     runs index
   */
  public static RunIndex open(IndexLocation location) {
    try {
      if (location.file() != null) {
        Files.createDirectories(location.file().getParent());
      }
      Connection connection = location.dialect().connect(location);
      try {
        IndexSchema.ensure(connection, location.dialect(), location.display());
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
      return new RunIndex(connection, location);
    } catch (SQLException e) {
      throw new IndexException("Cannot open the run index " + location + ": " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new IndexException("Cannot create the folder of the run index " + location + ": " + e.getMessage(), e);
    }
  }

  /** Where this index is. */
  public IndexLocation location() {
    return location;
  }

  /** Queries over this index. */
  public RunQueries queries() {
    return new RunQueries(connection, location);
  }

  /** Adds or replaces a run with its steps and trail events, in one transaction. */
  public void put(RunSummary run, List<TrailEvent> trail, String relativeDir) {
    inTransaction("indexing run " + run.runId(), () -> {
      try (Rows rows = new Rows()) {
        rows.put(new IndexedRunData(run, trail, relativeDir));
      }
    });
  }

  /**
   * Adds or replaces runs with their steps and trail events, all in one transaction (one commit, so
   * one WAL sync at most, for the whole batch); nothing of the batch is indexed when it fails.
   */
  public void putAll(List<IndexedRunData> runs) {
    if (runs.isEmpty()) {
      return;
    }
    inTransaction("indexing " + runs.size() + (runs.size() == 1 ? " run (" : " runs (") + runs.get(0).summary().runId()
        + (runs.size() == 1 ? ")" : ", ...)"), () -> {
          try (Rows rows = new Rows()) {
            for (IndexedRunData run : runs) {
              rows.put(run);
            }
          }
        });
  }

  /** Removes a run and its rows; no error when it is not indexed. */
  public void delete(String runId) {
    inTransaction("removing run " + runId, () -> {
      try (Rows rows = new Rows()) {
        rows.delete(runId);
      }
    });
  }

  /** Rebuilds: removes every row, then adds each run the source gives, all in one transaction. */
  public void replaceAll(Iterable<IndexedRunData> runs) {
    inTransaction("rebuilding the index", () -> {
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM trail_events");
        statement.execute("DELETE FROM steps");
        statement.execute("DELETE FROM runs");
      }
      putEach(runs);
    });
  }

  /**
   * Adds or replaces each run the source gives, in one transaction, keeping the other rows: how a
   * shared index is rebuilt from one machine's folders without forgetting the other machines' runs.
   */
  public void mergeAll(Iterable<IndexedRunData> runs) {
    inTransaction("re-adding runs to the index", () -> putEach(runs));
  }

  private void putEach(Iterable<IndexedRunData> runs) throws SQLException {
    try (Rows rows = new Rows()) {
      for (IndexedRunData data : runs) {
        rows.put(data);
      }
    }
  }

  /**
   * {@code INSERT ... ON CONFLICT (keys) DO UPDATE}: the last write wins, in the syntax SQLite (3.24+)
   * and PostgreSQL share.
   */
  private static String upsert(String table, List<String> keys, List<String> values) {
    List<String> updates = new ArrayList<>();
    values.forEach(column -> updates.add(column + " = excluded." + column));
    return insert(table, keys, values) + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
        + String.join(", ", updates);
  }

  private static String insert(String table, List<String> keys, List<String> values) {
    List<String> columns = new ArrayList<>(keys);
    columns.addAll(values);
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
  }

  /** A run read from its folder, ready to index. */
  public record IndexedRunData(RunSummary summary, List<TrailEvent> trail, String relativeDir) {}

  /** The statements that write a run's rows, prepared once for all the runs of a transaction. */
  private final class Rows implements AutoCloseable {

    private final List<PreparedStatement> deletes = new ArrayList<>();
    private final PreparedStatement insertNewRun;
    private final PreparedStatement insertRun;
    private final PreparedStatement insertStep;
    private final PreparedStatement insertEvent;

    Rows() throws SQLException {
      try {
        for (String sql : DELETES) {
          deletes.add(connection.prepareStatement(sql));
        }
        insertNewRun = connection.prepareStatement(INSERT_NEW_RUN);
        insertRun = connection.prepareStatement(INSERT_RUN);
        insertStep = connection.prepareStatement(INSERT_STEP);
        insertEvent = connection.prepareStatement(INSERT_EVENT);
      } catch (SQLException e) {
        close();
        throw e;
      }
    }

    /**
     * A new run id costs one statement for its run row: the old rows are removed only when the run
     * row shows it indexed before (re-export, reindex), and then its run row is updated in place.
     */
    void put(IndexedRunData data) throws SQLException {
      RunSummary run = data.summary();
      if (insertRun(insertNewRun, run, data.relativeDir()) == 0) {
        delete(deletes.subList(0, CHILD_DELETES), run.runId());
        insertRun(insertRun, run, data.relativeDir());
      }
      insertSteps(insertStep, run);
      insertEvents(insertEvent, run.runId(), data.trail());
    }

    void delete(String runId) throws SQLException {
      delete(deletes, runId);
    }

    private static void delete(List<PreparedStatement> statements, String runId) throws SQLException {
      for (PreparedStatement delete : statements) {
        delete.setString(1, runId);
        delete.executeUpdate();
      }
    }

    @Override
    public void close() throws SQLException {
      SQLException failure = null;
      List<PreparedStatement> all = new ArrayList<>(deletes);
      Collections.addAll(all, insertNewRun, insertRun, insertStep, insertEvent);
      for (PreparedStatement statement : all) {
        try {
          if (statement != null) {
            statement.close();
          }
        } catch (SQLException e) {
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Binds and runs an insert of the run row; the rows it added or changed. */
  private static int insertRun(PreparedStatement insert, RunSummary run, String relativeDir) throws SQLException {
    int i = 0;
    insert.setString(++i, run.runId());
    insert.setString(++i, run.name());
    insert.setString(++i, run.env());
    insert.setString(++i, run.target());
    insert.setString(++i, run.planHash());
    insert.setLong(++i, run.startedAt().toEpochMilli());
    insert.setLong(++i, run.endedAt().toEpochMilli());
    insert.setLong(++i, run.durationMs());
    insert.setString(++i, run.status());
    insert.setString(++i, run.errorCode());
    insert.setString(++i, run.errorMessage());
    insert.setString(++i, run.failedStep());
    insert.setInt(++i, run.retries());
    insert.setString(++i, run.runner());
    insert.setString(++i, run.ticket());
    insert.setString(++i, run.gitSha());
    insert.setString(++i, run.gitBranch());
    insert.setString(++i, run.traceId());
    insert.setString(++i, run.correlationId());
    insert.setString(++i, run.sessionId());
    if (run.spansSampled() == null) {
      insert.setNull(++i, Types.INTEGER);
    } else {
      insert.setInt(++i, run.spansSampled() ? 1 : 0);
    }
    insert.setString(++i, JsonTree.toJson(run.policy()));
    insert.setString(++i, relativeDir);
    insert.setLong(++i, Instant.now().toEpochMilli());
    return insert.executeUpdate();
  }

  private static void insertSteps(PreparedStatement insert, RunSummary run) throws SQLException {
    int ordinal = 0;
    for (StepSummary step : run.steps()) {
      int i = 0;
      insert.setString(++i, run.runId());
      insert.setInt(++i, ordinal++);
      insert.setString(++i, step.path());
      insert.setString(++i, step.parentPath());
      insert.setLong(++i, step.startedAt().toEpochMilli());
      insert.setLong(++i, step.endedAt().toEpochMilli());
      insert.setLong(++i, step.durationMs());
      insert.setString(++i, step.status());
      if (step.exitCode() == null) {
        insert.setNull(++i, Types.INTEGER);
      } else {
        insert.setInt(++i, step.exitCode());
      }
      insert.setString(++i, step.errorCode());
      insert.setString(++i, step.errorMessage());
      insert.setInt(++i, step.retries());
      insert.setString(++i, JsonTree.toJson(attempts(step)));
      insert.setString(++i, step.stderrTail());
      insert.addBatch();
    }
    insert.executeBatch();
  }

  private static List<Object> attempts(StepSummary step) {
    List<Object> attempts = new ArrayList<>();
    for (StepSummary.Attempt attempt : step.attempts()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("n", attempt.n());
      a.put("exit_code", attempt.exitCode());
      a.put("cause", attempt.cause());
      a.put("at", Timestamps.format(attempt.at()));
      attempts.add(a);
    }
    return attempts;
  }

  private static void insertEvents(PreparedStatement insert, String runId, List<TrailEvent> trail)
      throws SQLException {
    for (TrailEvent event : trail) {
      if (!event.runId().equals(runId)) {
        continue;
      }
      insert.setString(1, runId);
      insert.setLong(2, event.sequence());
      insert.setLong(3, event.timestamp().toEpochMilli());
      insert.setString(4, event.type());
      insert.setString(5, event.step());
      insert.setString(6, JsonTree.toJson(event.data()));
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /** Work inside a transaction. */
  @FunctionalInterface
  private interface Work {
    void run() throws SQLException;
  }

  private void inTransaction(String what, Work work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IndexException(what + " in " + location + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IndexException("closing " + location + " failed: " + e.getMessage(), e);
    }
  }
}
