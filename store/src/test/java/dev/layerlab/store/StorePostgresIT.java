package dev.layerlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL: the same schema and statements as the SQLite file. Needs
 * {@value #URL_VARIABLE}; {@code . .ci/postgres.sh} starts a throwaway server and sets it.
 */
class StorePostgresIT extends StoreContract {

  static final String URL_VARIABLE = "LAYERLAB_TEST_PG_URL";

  @Override
  String url() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new AssertionError(
          URL_VARIABLE
              + " is not set, so there is no PostgreSQL to test the store against: run"
              + " '. .ci/postgres.sh' first (it starts a throwaway server on 127.0.0.1 and sets"
              + " the variable), as .ci/run does, or leave the ITs out with -DskipITs");
    }
    return url;
  }

  @Test
  void everyTableOfTheSchemaExists() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url());
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }

    assertThat(tables)
        .contains("schema_version", "runs", "run_shards", "builds", "steps", "startups");
  }
}
