package dev.layerlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
