package dev.layerlab.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, in SQL that SQLite and PostgreSQL both accept. Times are seconds as floating
 * point; instants are ISO-8601 text (UTC) with an epoch-millisecond twin to sort by; flags are 0 or
 * 1. A run spread over several machines is one {@code runs} row with a {@code run_shards} row per
 * machine; every measurement row names its shard. {@code run_options} keeps the options each shard
 * ran with, so that an interrupted shard can be resumed with them: a table of its own, created when
 * missing like the others, which a layerlab that does not know it ignores (so it needs no new
 * version).
 */
final class Schema {

  /**
   * Raised when a column or table changes; older layerlab versions refuse a newer store, and this
   * one brings an older store up to date when it opens it (see {@link #migrate}). Version 2 added
   * {@code steps.engine_seconds} and the {@code images} table.
   */
  static final int VERSION = 2;

  static final List<String> TABLES =
      List.of(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS runs ("
              + " run_id VARCHAR(100) NOT NULL PRIMARY KEY,"
              + " scenario VARCHAR(200) NOT NULL,"
              + " started_at VARCHAR(40) NOT NULL,"
              + " started_epoch_ms BIGINT NOT NULL,"
              + " shard_count INTEGER NOT NULL,"
              + " advice TEXT)",
          "CREATE TABLE IF NOT EXISTS run_shards ("
              + " run_id VARCHAR(100) NOT NULL REFERENCES runs (run_id),"
              + " shard_index INTEGER NOT NULL,"
              + " engine TEXT NOT NULL,"
              + " host VARCHAR(200) NOT NULL,"
              + " started_at VARCHAR(40) NOT NULL,"
              + " finished_at VARCHAR(40),"
              + " complete INTEGER NOT NULL,"
              + " environment TEXT,"
              + " PRIMARY KEY (run_id, shard_index))",
          "CREATE TABLE IF NOT EXISTS builds ("
              + " run_id VARCHAR(100) NOT NULL REFERENCES runs (run_id),"
              + " shard_index INTEGER NOT NULL,"
              + " seq INTEGER NOT NULL,"
              + " variant VARCHAR(200) NOT NULL,"
              + " change_name VARCHAR(100) NOT NULL,"
              + " builder VARCHAR(50) NOT NULL,"
              + " repetition INTEGER NOT NULL,"
              + " seconds DOUBLE PRECISION NOT NULL,"
              + " context_bytes BIGINT NOT NULL,"
              + " image_bytes BIGINT NOT NULL,"
              + " image_id VARCHAR(100) NOT NULL,"
              + " status VARCHAR(10) NOT NULL,"
              + " error TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, shard_index, seq))",
          "CREATE TABLE IF NOT EXISTS steps ("
              + " run_id VARCHAR(100) NOT NULL REFERENCES runs (run_id),"
              + " shard_index INTEGER NOT NULL,"
              + " build_seq INTEGER NOT NULL,"
              + " step_index INTEGER NOT NULL,"
              + " instruction TEXT NOT NULL,"
              + " source_line INTEGER NOT NULL,"
              + " cached INTEGER NOT NULL,"
              + " seconds DOUBLE PRECISION NOT NULL,"
              + " layer_bytes BIGINT NOT NULL,"
              + " image_id VARCHAR(100) NOT NULL,"
              + " engine_seconds DOUBLE PRECISION,"
              + " PRIMARY KEY (run_id, shard_index, build_seq, step_index))",
          "CREATE TABLE IF NOT EXISTS startups ("
              + " run_id VARCHAR(100) NOT NULL REFERENCES runs (run_id),"
              + " shard_index INTEGER NOT NULL,"
              + " mode VARCHAR(50) NOT NULL,"
              + " repetition INTEGER NOT NULL,"
              + " seconds DOUBLE PRECISION NOT NULL,"
              + " status VARCHAR(10) NOT NULL,"
              + " error TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, shard_index, mode, repetition))",
          "CREATE TABLE IF NOT EXISTS run_options ("
              + " run_id VARCHAR(100) NOT NULL REFERENCES runs (run_id),"
              + " shard_index INTEGER NOT NULL,"
              + " options TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, shard_index))",
          "CREATE TABLE IF NOT EXISTS images ("
              + " run_id VARCHAR(100) NOT NULL REFERENCES runs (run_id),"
              + " shard_index INTEGER NOT NULL,"
              + " variant VARCHAR(200) NOT NULL,"
              + " builder VARCHAR(50) NOT NULL,"
              + " image_id VARCHAR(100) NOT NULL,"
              + " layers INTEGER NOT NULL,"
              + " total_bytes BIGINT NOT NULL,"
              + " wasted_bytes BIGINT NOT NULL,"
              + " efficiency_percent DOUBLE PRECISION NOT NULL,"
              + " analysis_seconds DOUBLE PRECISION NOT NULL,"
              + " top_wasted TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, shard_index, variant, builder))",
          "CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs (scenario, started_epoch_ms)");

  private Schema() {}

  /**
   * Creates what is missing and checks the version, in one transaction. Two machines creating the
   * same tables at once can collide in PostgreSQL's catalog; the loser retries once, by which time
   * the tables exist.
   */
  static void ensure(Connection c, String where) throws StoreException, SQLException {
    try {
      create(c);
    } catch (SQLException first) {
      c.rollback();
      create(c);
    }
    int found = version(c);
    if (found < VERSION) {
      try {
        migrate(c);
      } catch (SQLException first) {
        c.rollback(); // another machine may have migrated it meanwhile
        migrate(c);
      }
      found = version(c);
    }
    if (found > VERSION) {
      throw new StoreException(
          where
              + " holds results in schema version "
              + found
              + ", newer than this layerlab reads ("
              + VERSION
              + "); upgrade layerlab, or pass --store to use another store");
    }
  }

  private static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : TABLES) {
        s.execute(ddl);
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          s.executeUpdate("INSERT INTO schema_version (version) VALUES (" + VERSION + ")");
        }
      }
    }
    c.commit();
  }

  /**
   * Brings a version 1 store to this version: the tables it lacks were made by {@link #create}; a
   * column added to an existing table is added here.
   */
  private static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!hasColumn(c, "steps", "engine_seconds")) {
        s.execute("ALTER TABLE steps ADD COLUMN engine_seconds DOUBLE PRECISION");
      }
      s.executeUpdate("UPDATE schema_version SET version = " + VERSION);
    }
    c.commit();
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, column)) {
      return rs.next();
    }
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
