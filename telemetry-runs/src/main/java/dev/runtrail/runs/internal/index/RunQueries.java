package dev.runtrail.runs.internal.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads runs from the index. The WHERE clause is assembled from fixed fragments only; every value the
 * user gives is a bound parameter.
 */
public final class RunQueries {

  static final String RUN_COLUMNS = "run_id, name, env, target, plan_hash, started_at, ended_at, duration_ms,"
      + " status, error_code, error_message, failed_step, retries, runner, ticket, git_sha, git_branch, dir";

  private final Connection connection;
  private final IndexLocation location;

  RunQueries(Connection connection, IndexLocation location) {
    this.connection = connection;
    this.location = location;
  }

  /** Runs matching the filter, newest first. */
  public List<IndexedRun> list(RunFilter filter) {
    Where where = Where.of(filter);
    String sql = "SELECT " + RUN_COLUMNS + " FROM runs" + where.sql + " ORDER BY started_at DESC, run_id DESC"
        + (filter.limit() > 0 ? " LIMIT ?" : "");
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      int next = where.bind(query);
      if (filter.limit() > 0) {
        query.setInt(next, filter.limit());
      }
      List<IndexedRun> runs = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          runs.add(run(rows));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw failed("listing runs", e);
    }
  }

  /** How many runs match the filter (its limit aside). */
  public long count(RunFilter filter) {
    Where where = Where.of(filter);
    try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM runs" + where.sql)) {
      where.bind(query);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw failed("counting runs", e);
    }
  }

  /** The engine's plan for {@link #list}, one line per step of the plan (for tests and diagnostics). */
  public List<String> explainList(RunFilter filter) {
    Where where = Where.of(filter);
    String sql = location.dialect().explain("SELECT " + RUN_COLUMNS + " FROM runs" + where.sql
        + " ORDER BY started_at DESC, run_id DESC" + (filter.limit() > 0 ? " LIMIT ?" : ""));
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      int next = where.bind(query);
      if (filter.limit() > 0) {
        query.setInt(next, filter.limit());
      }
      List<String> plan = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          plan.add(rows.getString(rows.getMetaData().getColumnCount())); // SQLite's "detail", PostgreSQL's only column
        }
      }
      return plan;
    } catch (SQLException e) {
      throw failed("explaining the list query", e);
    }
  }

  /** The run with this exact id. */
  public Optional<IndexedRun> find(String runId) {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE run_id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(run(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("looking up run " + runId, e);
    }
  }

  /** Ids of runs starting with this prefix, at most {@code limit}. */
  public List<String> idsWithPrefix(String prefix, int limit) {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT run_id FROM runs WHERE substr(run_id, 1, ?) = ? ORDER BY run_id LIMIT ?")) {
      query.setInt(1, prefix.length());
      query.setString(2, prefix);
      query.setInt(3, limit);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failed("looking up runs starting with " + prefix, e);
    }
  }

  /** Runs that started before the cutoff: candidates for retention. */
  public List<IndexedRun> startedBefore(Instant cutoff) {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE started_at < ? ORDER BY started_at")) {
      query.setLong(1, cutoff.toEpochMilli());
      List<IndexedRun> runs = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          runs.add(run(rows));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw failed("finding expired runs", e);
    }
  }

  /** Searches step paths, error messages, stderr tails and trail events. */
  public TrailSearch search() {
    return new TrailSearch(connection, location);
  }

  static IndexedRun run(ResultSet rows) throws SQLException {
    return new IndexedRun(rows.getString("run_id"), rows.getString("name"), rows.getString("env"),
        rows.getString("target"), rows.getString("plan_hash"), Instant.ofEpochMilli(rows.getLong("started_at")),
        Instant.ofEpochMilli(rows.getLong("ended_at")), rows.getLong("duration_ms"), rows.getString("status"),
        rows.getString("error_code"), rows.getString("error_message"), rows.getString("failed_step"),
        rows.getInt("retries"), rows.getString("runner"), rows.getString("ticket"), rows.getString("git_sha"),
        rows.getString("git_branch"), rows.getString("dir"));
  }

  IndexException failed(String what, SQLException e) {
    return new IndexException(what + " in " + location + " failed: " + e.getMessage(), e);
  }

  /** A WHERE clause of fixed fragments and the values to bind to them, in order. */
  private static final class Where {
    final String sql;
    final List<Object> values;

    private Where(String sql, List<Object> values) {
      this.sql = sql;
      this.values = values;
    }

    static Where of(RunFilter filter) {
      StringBuilder sql = new StringBuilder();
      List<Object> values = new ArrayList<>();
      add(sql, values, "env = ?", filter.env());
      add(sql, values, "target = ?", filter.target());
      add(sql, values, "status = ?", filter.status());
      if (filter.planHashPrefix() != null) {
        // A range over the hex prefix, so the plan_hash index is used: 'g' sorts after every hex digit.
        add(sql, values, "plan_hash >= ?", filter.planHashPrefix());
        add(sql, values, "plan_hash < ?", filter.planHashPrefix() + "g");
      }
      if (filter.since() != null) {
        add(sql, values, "started_at >= ?", filter.since().toEpochMilli());
      }
      return new Where(sql.toString(), values);
    }

    private static void add(StringBuilder sql, List<Object> values, String condition, Object value) {
      if (value == null) {
        return;
      }
      sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
      values.add(value);
    }

    /** Binds the values; returns the next parameter index. */
    int bind(PreparedStatement statement) throws SQLException {
      int i = 1;
      for (Object value : values) {
        statement.setObject(i++, value);
      }
      return i;
    }
  }
}
