package dev.layerlab.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.measure.WastedPath;
import dev.layerlab.run.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs kept in a SQL database. Every write is its own transaction, so what was measured before an
 * interruption stays. Values are stored exactly as given: callers redact secrets first.
 */
public final class Store implements AutoCloseable {

  /** The environment variable a PostgreSQL password may come from, to keep it out of the URL. */
  public static final String PASSWORD_VARIABLE = "LAYERLAB_STORE_PASSWORD";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private final Connection connection;
  private final String where;

  private Store(Connection connection, String where) {
    this.connection = connection;
    this.where = where;
  }

  /**
   * Opens a store at a JDBC URL (or a SQLite file's path), creating its tables when they are
   * missing.
   */
  public static Store open(String urlOrFile) throws StoreException {
    return open(urlOrFile, System.getenv(PASSWORD_VARIABLE));
  }

  static Store open(String urlOrFile, String password) throws StoreException {
    String url = StoreUrl.of(urlOrFile);
    String where = "store " + StoreUrl.display(url);
    Path file = StoreUrl.sqliteFile(url);
    try {
      if (file != null && file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
    } catch (IOException e) {
      throw new StoreException(where + ": cannot create its directory: " + e.getMessage(), e);
    }
    Properties props = new Properties();
    if (password != null && !password.isEmpty() && !StoreUrl.isSqlite(url)) {
      props.setProperty("password", password);
    }
    Connection c;
    try {
      c = DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      throw new StoreException(
          where
              + ": cannot connect ("
              + e.getMessage()
              + "); check the URL, that the server runs, and the user's password ("
              + PASSWORD_VARIABLE
              + ")",
          e);
    }
    try {
      if (StoreUrl.isSqlite(url)) {
        // Several benches on one machine may share the file: wait for a writer, do not fail.
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = 30000");
        }
      }
      c.setAutoCommit(false);
      Schema.ensure(c, where);
      return new Store(c, where);
    } catch (SQLException | StoreException | RuntimeException e) {
      closeQuietly(c);
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException(where + ": cannot create its tables: " + e.getMessage(), e);
    }
  }

  /** Where the store is, with any password hidden. */
  public String where() {
    return where;
  }

  /**
   * Records that a shard of a run began. The run's row is made by whichever shard comes first; a
   * shard that runs again (a retried CI job) replaces what it wrote before.
   */
  public synchronized void startShard(
      String runId, String scenario, Instant startedAt, Shard shard, String engine, String host)
      throws StoreException {
    write(
        "start run " + runId,
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO runs (run_id, scenario, started_at, started_epoch_ms, shard_count)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING")) {
            p.setString(1, runId);
            p.setString(2, scenario);
            p.setString(3, startedAt.toString());
            p.setLong(4, startedAt.toEpochMilli());
            p.setInt(5, shard.count());
            p.executeUpdate();
          }
          checkSameRun(runId, scenario, shard);
          for (String table :
              List.of("steps", "builds", "startups", "images", "run_options", "run_shards")) {
            try (PreparedStatement p =
                connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE run_id = ? AND shard_index = ?")) {
              p.setString(1, runId);
              p.setInt(2, shard.index());
              p.executeUpdate();
            }
          }
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO run_shards (run_id, shard_index, engine, host, started_at,"
                      + " complete) VALUES (?, ?, ?, ?, ?, 0)")) {
            p.setString(1, runId);
            p.setInt(2, shard.index());
            p.setString(3, engine);
            p.setString(4, host);
            p.setString(5, startedAt.toString());
            p.executeUpdate();
          }
        });
  }

  private void checkSameRun(String runId, String scenario, Shard shard)
      throws SQLException, StoreException {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT scenario, shard_count FROM runs WHERE run_id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        String theirs = rs.getString(1);
        int count = rs.getInt(2);
        if (!theirs.equals(scenario) || count != shard.count()) {
          throw new StoreException(
              where
                  + ": run "
                  + runId
                  + " is already a run of scenario "
                  + theirs
                  + " in "
                  + count
                  + " shard(s), not of "
                  + scenario
                  + " in "
                  + shard.count()
                  + "; give every shard the same scenario and --shard K/"
                  + count
                  + ", or use a new --run-id");
        }
      }
    }
  }

  /** Keeps the options a shard runs with, for {@code --resume}. */
  public synchronized void saveOptions(String runId, int shard, Map<String, String> options)
      throws StoreException {
    write(
        "keep the options of run " + runId,
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "DELETE FROM run_options WHERE run_id = ? AND shard_index = ?")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO run_options (run_id, shard_index, options) VALUES (?, ?, ?)")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.setString(3, JSON.writeValueAsString(new java.util.TreeMap<>(options)));
            p.executeUpdate();
          }
        });
  }

  /**
   * One shard of a run as far as it got, for {@code --resume}; empty when there is no such run. A
   * shard that never began reads as not started.
   */
  public synchronized Optional<StoredShard> shard(String runId, Shard shard) throws StoreException {
    return read(
        "read run " + runId,
        () -> {
          String scenario;
          int count;
          try (PreparedStatement p =
              connection.prepareStatement(
                  "SELECT scenario, shard_count FROM runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              scenario = rs.getString(1);
              count = rs.getInt(2);
            }
          }
          boolean started = false;
          boolean complete = false;
          try (PreparedStatement p =
              connection.prepareStatement(
                  "SELECT complete FROM run_shards WHERE run_id = ? AND shard_index = ?")) {
            p.setString(1, runId);
            p.setInt(2, shard.index());
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                started = true;
                complete = rs.getInt(1) == 1;
              }
            }
          }
          Map<String, String> options = Map.of();
          try (PreparedStatement p =
              connection.prepareStatement(
                  "SELECT options FROM run_options WHERE run_id = ? AND shard_index = ?")) {
            p.setString(1, runId);
            p.setInt(2, shard.index());
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                options =
                    JSON.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {});
              }
            }
          }
          RunResult run = loadRun(runId, true, shard.index()).orElseThrow();
          return Optional.of(
              new StoredShard(
                  scenario,
                  run.startedAt(),
                  count,
                  started,
                  complete,
                  options,
                  run.builds(),
                  run.startups()));
        });
  }

  /**
   * Takes up an interrupted shard again: its failed builds, its image analyses (and, unless {@code
   * keepStartups}, its start-ups) are dropped, to be made again, and it is marked incomplete until
   * it finishes.
   *
   * @return the number of the last build kept, after which the resumed builds are numbered
   */
  public synchronized int reopenShard(String runId, int shard, boolean keepStartups)
      throws StoreException {
    int[] last = new int[1];
    write(
        "resume run " + runId,
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "DELETE FROM steps WHERE run_id = ? AND shard_index = ? AND build_seq IN"
                      + " (SELECT seq FROM builds WHERE run_id = ? AND shard_index = ?"
                      + " AND status <> 'ok')")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.setString(3, runId);
            p.setInt(4, shard);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              connection.prepareStatement(
                  "DELETE FROM builds WHERE run_id = ? AND shard_index = ? AND status <> 'ok'")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.executeUpdate();
          }
          // Images are analysed when the run ends, so any analysis is made again.
          try (PreparedStatement p =
              connection.prepareStatement(
                  "DELETE FROM images WHERE run_id = ? AND shard_index = ?")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.executeUpdate();
          }
          if (!keepStartups) {
            try (PreparedStatement p =
                connection.prepareStatement(
                    "DELETE FROM startups WHERE run_id = ? AND shard_index = ?")) {
              p.setString(1, runId);
              p.setInt(2, shard);
              p.executeUpdate();
            }
          }
          try (PreparedStatement p =
              connection.prepareStatement(
                  "UPDATE run_shards SET complete = 0, finished_at = NULL"
                      + " WHERE run_id = ? AND shard_index = ?")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              connection.prepareStatement(
                  "SELECT MAX(seq) FROM builds WHERE run_id = ? AND shard_index = ?")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              last[0] = rs.getInt(1);
            }
          }
        });
    return last[0];
  }

  /** Adds one build and its steps; {@code seq} numbers the shard's builds from 1. */
  public synchronized void addBuild(String runId, int shard, int seq, BuildRecord b)
      throws StoreException {
    write(
        "add build " + b.variant() + " " + b.change() + " #" + b.repetition(),
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO builds (run_id, shard_index, seq, variant, change_name, builder,"
                      + " repetition, seconds, context_bytes, image_bytes, image_id, status,"
                      + " error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.setInt(3, seq);
            p.setString(4, b.variant());
            p.setString(5, b.change());
            p.setString(6, b.builder());
            p.setInt(7, b.repetition());
            p.setDouble(8, b.seconds());
            p.setLong(9, b.contextBytes());
            p.setLong(10, b.imageBytes());
            p.setString(11, b.imageId());
            p.setString(12, b.status().label());
            p.setString(13, b.error());
            p.executeUpdate();
          }
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO steps (run_id, shard_index, build_seq, step_index, instruction,"
                      + " source_line, cached, seconds, layer_bytes, image_id, engine_seconds)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StepRecord s : b.steps()) {
              p.setString(1, runId);
              p.setInt(2, shard);
              p.setInt(3, seq);
              p.setInt(4, s.index());
              p.setString(5, s.instruction());
              p.setInt(6, s.line());
              p.setInt(7, s.cached() ? 1 : 0);
              p.setDouble(8, s.seconds());
              p.setLong(9, s.layerBytes());
              p.setString(10, s.imageId());
              if (s.engineSeconds().isPresent()) {
                p.setDouble(11, s.engineSeconds().getAsDouble());
              } else {
                p.setNull(11, java.sql.Types.DOUBLE);
              }
              p.addBatch();
            }
            if (!b.steps().isEmpty()) {
              p.executeBatch();
            }
          }
        });
  }

  public synchronized void addStartup(String runId, int shard, StartupRecord s)
      throws StoreException {
    write(
        "add start-up " + s.mode() + " #" + s.repetition(),
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO startups (run_id, shard_index, mode, repetition, seconds, status,"
                      + " error) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.setString(3, s.mode());
            p.setInt(4, s.repetition());
            p.setDouble(5, s.seconds());
            p.setString(6, s.status().label());
            p.setString(7, s.error());
            p.executeUpdate();
          }
        });
  }

  /** Adds the analysis of one cold-built image; its wasted paths are kept as JSON. */
  public synchronized void addImage(String runId, int shard, ImageEfficiency i)
      throws StoreException {
    write(
        "add image " + i.variant() + " " + i.builder(),
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO images (run_id, shard_index, variant, builder, image_id, layers,"
                      + " total_bytes, wasted_bytes, efficiency_percent, analysis_seconds,"
                      + " top_wasted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, runId);
            p.setInt(2, shard);
            p.setString(3, i.variant());
            p.setString(4, i.builder());
            p.setString(5, i.imageId());
            p.setInt(6, i.layers());
            p.setLong(7, i.totalBytes());
            p.setLong(8, i.wastedBytes());
            p.setDouble(9, i.efficiencyPercent());
            p.setDouble(10, i.analysisSeconds());
            p.setString(11, JSON.writeValueAsString(i.topWasted()));
            p.executeUpdate();
          }
        });
  }

  /** Marks a shard finished, with the machine's facts and the run's advice. */
  public synchronized void finishShard(
      String runId,
      int shard,
      boolean complete,
      Instant finishedAt,
      Map<String, String> environment,
      List<VariantAdvice> advice)
      throws StoreException {
    write(
        "finish run " + runId,
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "UPDATE run_shards SET complete = ?, finished_at = ?, environment = ?"
                      + " WHERE run_id = ? AND shard_index = ?")) {
            p.setInt(1, complete ? 1 : 0);
            p.setString(2, finishedAt.toString());
            p.setString(3, JSON.writeValueAsString(environment));
            p.setString(4, runId);
            p.setInt(5, shard);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              connection.prepareStatement("UPDATE runs SET advice = ? WHERE run_id = ?")) {
            p.setString(1, JSON.writeValueAsString(advice));
            p.setString(2, runId);
            p.executeUpdate();
          }
        });
  }

  /**
   * A run as every shard stored it: builds in shard then build order. It is complete when every
   * shard finished its part; its environment is the first shard's, with {@code shards} added.
   */
  public synchronized Optional<RunResult> load(String runId) throws StoreException {
    return read("read run " + runId, () -> loadRun(runId, true));
  }

  /** The runs of a scenario, oldest first, without their steps: what history needs. */
  public synchronized List<RunResult> history(String scenario) throws StoreException {
    return read(
        "read the history of " + scenario,
        () -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement p =
              connection.prepareStatement(
                  "SELECT run_id FROM runs WHERE scenario = ?"
                      + " ORDER BY started_epoch_ms, run_id")) {
            p.setString(1, scenario);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          List<RunResult> runs = new ArrayList<>();
          for (String id : ids) {
            loadRun(id, false).ifPresent(runs::add);
          }
          return runs;
        });
  }

  /** Every scenario with a run in the store, by name. */
  public synchronized List<String> scenarios() throws StoreException {
    return read(
        "list scenarios",
        () -> {
          List<String> names = new ArrayList<>();
          try (Statement s = connection.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT DISTINCT scenario FROM runs ORDER BY scenario")) {
            while (rs.next()) {
              names.add(rs.getString(1));
            }
          }
          return names;
        });
  }

  private Optional<RunResult> loadRun(String runId, boolean withSteps)
      throws SQLException, IOException {
    return loadRun(runId, withSteps, 0);
  }

  /**
   * @param onlyShard the one shard to read (its builds and start-ups), or 0 for all
   */
  private Optional<RunResult> loadRun(String runId, boolean withSteps, int onlyShard)
      throws SQLException, IOException {
    String scenario;
    Instant startedAt;
    int shardCount;
    String adviceJson;
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT scenario, started_at, shard_count, advice FROM runs WHERE run_id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        scenario = rs.getString(1);
        startedAt = Instant.parse(rs.getString(2));
        shardCount = rs.getInt(3);
        adviceJson = rs.getString(4);
      }
    }
    Map<String, String> environment = new LinkedHashMap<>();
    int finished = 0;
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT complete, environment FROM run_shards WHERE run_id = ?"
                + " ORDER BY shard_index")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          finished += rs.getInt(1);
          String env = rs.getString(2);
          if (environment.isEmpty() && env != null) {
            environment.putAll(JSON.readValue(env, new TypeReference<Map<String, String>>() {}));
          }
        }
      }
    }
    if (shardCount > 1) {
      environment.remove("shard");
      environment.put("shards", Integer.toString(shardCount));
    }
    Map<String, List<StepRecord>> steps = withSteps ? steps(runId) : Map.of();
    List<BuildRecord> builds = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT shard_index, seq, variant, change_name, builder, repetition, seconds,"
                + " context_bytes, image_bytes, image_id, status, error FROM builds"
                + " WHERE run_id = ? AND (? = 0 OR shard_index = ?) ORDER BY shard_index, seq")) {
      p.setString(1, runId);
      p.setInt(2, onlyShard);
      p.setInt(3, onlyShard);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          builds.add(
              new BuildRecord(
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getDouble(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getString(10),
                  status(rs.getString(11)),
                  rs.getString(12),
                  steps.getOrDefault(rs.getInt(1) + "/" + rs.getInt(2), List.of())));
        }
      }
    }
    List<StartupRecord> startups = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT mode, repetition, seconds, status, error FROM startups WHERE run_id = ?"
                + " AND (? = 0 OR shard_index = ?) ORDER BY shard_index, repetition, mode")) {
      p.setString(1, runId);
      p.setInt(2, onlyShard);
      p.setInt(3, onlyShard);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          startups.add(
              new StartupRecord(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getDouble(3),
                  status(rs.getString(4)),
                  rs.getString(5)));
        }
      }
    }
    List<ImageEfficiency> images = withSteps ? images(runId) : List.of();
    List<VariantAdvice> advice =
        adviceJson == null
            ? List.of()
            : JSON.readValue(adviceJson, new TypeReference<List<VariantAdvice>>() {});
    return Optional.of(
        new RunResult(
            runId,
            scenario,
            startedAt,
            environment,
            builds,
            startups,
            advice,
            List.of(),
            images,
            finished == shardCount));
  }

  private List<ImageEfficiency> images(String runId) throws SQLException, IOException {
    List<ImageEfficiency> images = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT variant, builder, image_id, layers, total_bytes, wasted_bytes,"
                + " analysis_seconds, top_wasted FROM images WHERE run_id = ?"
                + " ORDER BY shard_index, builder, variant")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          images.add(
              new ImageEfficiency(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  0,
                  rs.getDouble(7),
                  JSON.readValue(rs.getString(8), new TypeReference<List<WastedPath>>() {})));
        }
      }
    }
    return images;
  }

  private Map<String, List<StepRecord>> steps(String runId) throws SQLException {
    Map<String, List<StepRecord>> byBuild = new LinkedHashMap<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT shard_index, build_seq, step_index, instruction, source_line, cached,"
                + " seconds, layer_bytes, image_id, engine_seconds FROM steps WHERE run_id = ?"
                + " ORDER BY shard_index, build_seq, step_index")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          byBuild
              .computeIfAbsent(rs.getInt(1) + "/" + rs.getInt(2), k -> new ArrayList<>())
              .add(
                  new StepRecord(
                      rs.getInt(3),
                      rs.getString(4),
                      rs.getInt(5),
                      rs.getInt(6) == 1,
                      rs.getDouble(7),
                      rs.getLong(8),
                      rs.getString(9),
                      engineSeconds(rs, 10)));
        }
      }
    }
    return byBuild;
  }

  private static java.util.OptionalDouble engineSeconds(ResultSet rs, int column)
      throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(value);
  }

  private static BuildStatus status(String label) {
    return BuildStatus.valueOf(label.toUpperCase(Locale.ROOT));
  }

  @FunctionalInterface
  private interface Work {
    void run() throws SQLException, IOException, StoreException;
  }

  @FunctionalInterface
  private interface Query<T> {
    T run() throws SQLException, IOException;
  }

  private void write(String what, Work work) throws StoreException {
    try {
      work.run();
      connection.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      rollbackQuietly();
      throw new StoreException(where + ": cannot " + what + ": " + e.getMessage(), e);
    } catch (StoreException e) {
      rollbackQuietly();
      throw e;
    }
  }

  private <T> T read(String what, Query<T> query) throws StoreException {
    try {
      T result = query.run();
      connection.commit();
      return result;
    } catch (SQLException | IOException | RuntimeException e) {
      rollbackQuietly();
      throw new StoreException(where + ": cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is gone; the next write reports that.
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing after a failure to open: the failure already says what went wrong.
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }
}
