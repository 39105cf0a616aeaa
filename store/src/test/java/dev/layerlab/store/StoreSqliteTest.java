package dev.layerlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.measure.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded SQLite file, plus what only a file store can show. */
class StoreSqliteTest extends StoreContract {

  @TempDir Path dir;

  @Override
  String url() {
    return StoreUrl.beside(dir.resolve("reports"));
  }

  @Test
  void defaultStore_isAFileBesideTheReports_madeOnFirstUse() {
    assertThat(dir.resolve("reports").resolve("layerlab.sqlite")).isRegularFile();
  }

  @Test
  void secretValue_isNotInTheDatabaseFile() throws Exception {
    secretValues_neverReachTheStore();
    store.close();

    byte[] bytes = Files.readAllBytes(dir.resolve("reports").resolve("layerlab.sqlite"));
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("tok-")
        .contains("[redacted NPM_TOKEN]");
  }

  @Test
  void storeOfANewerSchema_isRefusedWithTheFix() throws Exception {
    store.close();
    try (var c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE schema_version SET version = " + (Schema.VERSION + 1));
    }

    assertThatThrownBy(() -> Store.open(url()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer than this layerlab reads")
        .hasMessageContaining("upgrade layerlab");
  }

  @Test
  void storeOfVersion1_isBroughtUpToDate_andItsRunsStayReadable() throws Exception {
    String old = StoreUrl.beside(dir.resolve("old"));
    Files.createDirectories(dir.resolve("old"));
    try (var c = DriverManager.getConnection(old);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      s.execute("INSERT INTO schema_version (version) VALUES (1)");
      s.execute(
          "CREATE TABLE runs (run_id VARCHAR(100) NOT NULL PRIMARY KEY, scenario VARCHAR(200)"
              + " NOT NULL, started_at VARCHAR(40) NOT NULL, started_epoch_ms BIGINT NOT NULL,"
              + " shard_count INTEGER NOT NULL, advice TEXT)");
      s.execute(
          "CREATE TABLE run_shards (run_id VARCHAR(100) NOT NULL, shard_index INTEGER NOT NULL,"
              + " engine TEXT NOT NULL, host VARCHAR(200) NOT NULL, started_at VARCHAR(40) NOT"
              + " NULL, finished_at VARCHAR(40), complete INTEGER NOT NULL, environment TEXT,"
              + " PRIMARY KEY (run_id, shard_index))");
      s.execute(
          "CREATE TABLE builds (run_id VARCHAR(100) NOT NULL, shard_index INTEGER NOT NULL, seq"
              + " INTEGER NOT NULL, variant VARCHAR(200) NOT NULL, change_name VARCHAR(100) NOT"
              + " NULL, builder VARCHAR(50) NOT NULL, repetition INTEGER NOT NULL, seconds DOUBLE"
              + " PRECISION NOT NULL, context_bytes BIGINT NOT NULL, image_bytes BIGINT NOT NULL,"
              + " image_id VARCHAR(100) NOT NULL, status VARCHAR(10) NOT NULL, error TEXT NOT"
              + " NULL, PRIMARY KEY (run_id, shard_index, seq))");
      s.execute(
          "CREATE TABLE steps (run_id VARCHAR(100) NOT NULL, shard_index INTEGER NOT NULL,"
              + " build_seq INTEGER NOT NULL, step_index INTEGER NOT NULL, instruction TEXT NOT"
              + " NULL, source_line INTEGER NOT NULL, cached INTEGER NOT NULL, seconds DOUBLE"
              + " PRECISION NOT NULL, layer_bytes BIGINT NOT NULL, image_id VARCHAR(100) NOT NULL,"
              + " PRIMARY KEY (run_id, shard_index, build_seq, step_index))");
      s.execute(
          "CREATE TABLE startups (run_id VARCHAR(100) NOT NULL, shard_index INTEGER NOT NULL,"
              + " mode VARCHAR(50) NOT NULL, repetition INTEGER NOT NULL, seconds DOUBLE"
              + " PRECISION NOT NULL, status VARCHAR(10) NOT NULL, error TEXT NOT NULL, PRIMARY"
              + " KEY (run_id, shard_index, mode, repetition))");
      s.execute(
          "INSERT INTO runs VALUES ('v1-run', 'old-app', '2026-11-01T10:00:00Z', 1793527200000,"
              + " 1, NULL)");
      s.execute(
          "INSERT INTO run_shards VALUES ('v1-run', 0, 'docker-java', 'h',"
              + " '2026-11-01T10:00:00Z', '2026-11-01T10:05:00Z', 1, NULL)");
      s.execute(
          "INSERT INTO builds VALUES ('v1-run', 0, 1, 'naive', 'cold', 'classic', 1, 9.5, 100,"
              + " 200, 'sha256:a', 'ok', '')");
      s.execute("INSERT INTO steps VALUES ('v1-run', 0, 1, 1, 'COPY . .', 3, 0, 0.25, 50, 'abc')");
    }

    try (Store upgraded = Store.open(old)) {
      RunResult run = upgraded.load("v1-run").orElseThrow();

      assertThat(run.builds().get(0).steps().get(0).seconds()).isEqualTo(0.25);
      assertThat(run.builds().get(0).steps().get(0).engineSeconds()).isEmpty();
      assertThat(run.images()).isEmpty();
    }
    try (var c = DriverManager.getConnection(old);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(Schema.VERSION);
    }
  }

  @Test
  void aPlainPath_isTakenAsASqliteFile() {
    assertThat(StoreUrl.of("x/y.sqlite")).isEqualTo("jdbc:sqlite:x/y.sqlite");
    assertThat(StoreUrl.of("jdbc:postgresql://db/layerlab"))
        .isEqualTo("jdbc:postgresql://db/layerlab");
  }

  @Test
  void passwordsAreHiddenWhenAUrlIsShown() {
    assertThat(
            StoreUrl.display(
                "jdbc:postgresql://ci:pw@db:5432/ll?user=ci&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://ci:***@db:5432/ll?user=ci&password=***&ssl=true");
  }
}
