package dev.layerlab.cli;

import dev.layerlab.store.Store;
import dev.layerlab.store.StoreException;
import dev.layerlab.store.StoreUrl;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a store to read from, refusing to create an empty SQLite file where none was written. */
final class StoreReader {

  static final Path DEFAULT_REPORTS = Path.of("reports");

  private StoreReader() {}

  static Store open(String option) {
    String url = option != null ? StoreUrl.of(option) : StoreUrl.beside(DEFAULT_REPORTS);
    if (StoreUrl.isSqlite(url)) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*$", ""));
      if (!Files.isRegularFile(file)) {
        throw new Failure(
            ExitCodes.STORE_UNAVAILABLE,
            "no store at "
                + file
                + ": run 'layerlab bench' first (it writes one beside its reports), or pass"
                + " --store with the store the benches wrote to");
      }
    }
    try {
      return Store.open(url);
    } catch (StoreException e) {
      throw new Failure(ExitCodes.STORE_UNAVAILABLE, e.getMessage(), e);
    }
  }
}
