package dev.layerlab.cli;

import dev.layerlab.measure.RunResult;
import dev.layerlab.run.BenchListener;
import dev.layerlab.run.Shard;
import dev.layerlab.secret.Redactor;
import dev.layerlab.store.Store;
import dev.layerlab.store.StoreException;
import dev.layerlab.store.StoreListener;
import dev.layerlab.store.StoreUrl;
import dev.layerlab.store.StoredShard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** The results store a bench writes into as it runs, or none with {@code --no-store}. */
final class BenchStore implements AutoCloseable {

  private final Store store;
  private final StoreListener listener;

  private BenchStore(Store store, StoreListener listener) {
    this.store = store;
    this.listener = listener;
  }

  /**
   * Opens the store: {@code --store} when given, else {@code <output>/layerlab.sqlite}.
   *
   * @throws Failure when the store cannot be opened, before anything is built
   */
  static BenchStore open(
      String option, boolean none, Path output, Shard shard, Redactor redactor, PrintWriter err) {
    if (none) {
      return new BenchStore(null, null);
    }
    String url = option != null ? StoreUrl.of(option) : StoreUrl.beside(output);
    try {
      Store store = Store.open(url);
      if (!shard.isWhole() && StoreUrl.isSqlite(url)) {
        err.println(
            "store: shard "
                + shard
                + " writes to the file "
                + store.where()
                + "; shards on other machines meet only in a shared --store"
                + " jdbc:postgresql://...");
      }
      StoreListener listener =
          new StoreListener(
              store,
              shard,
              redactor,
              Clock.systemUTC(),
              host(),
              message -> {
                err.println(message);
                err.flush();
              });
      return new BenchStore(store, listener);
    } catch (StoreException e) {
      throw new Failure(
          ExitCodes.STORE_UNAVAILABLE,
          e.getMessage() + " (or run with --no-store to keep only the report files)",
          e);
    }
  }

  /**
   * Reads one shard of a stored run for {@code --resume}, from {@code --store} or the file beside
   * the reports.
   *
   * @throws Failure when the store cannot be read (store error) or holds no such run (bad input)
   */
  static StoredShard readShard(String option, Path output, String runId, Shard shard) {
    String url = option != null ? StoreUrl.of(option) : StoreUrl.beside(output);
    java.nio.file.Path file = StoreUrl.sqliteFile(url);
    if (file != null && !java.nio.file.Files.exists(file)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "no run "
              + runId
              + " to resume: there is no store at "
              + file
              + " (give the -o or --store the run was made with)");
    }
    try (Store store = Store.open(url)) {
      return store
          .shard(runId, shard)
          .orElseThrow(
              () ->
                  new Failure(
                      ExitCodes.BAD_INPUT,
                      "no run "
                          + runId
                          + " in "
                          + store.where()
                          + " to resume (give the -o or --store the run was made with)"));
    } catch (StoreException e) {
      throw new Failure(ExitCodes.STORE_UNAVAILABLE, e.getMessage(), e);
    }
  }

  /** Keeps the bench's options with its shard, for a later {@code --resume}. */
  void withOptions(java.util.Map<String, String> options) {
    if (listener != null) {
      listener.withOptions(options);
    }
  }

  /** Takes up the stored shard instead of starting it afresh. */
  void resuming(boolean keepStartups) {
    if (listener != null) {
      listener.resuming(keepStartups);
    }
  }

  /** Whether the store took every write of the run so far. */
  boolean holdsEverything() {
    return listener != null && listener.failures() == 0;
  }

  /** Whether results go into a store (not {@code --no-store}). */
  boolean isOpen() {
    return store != null;
  }

  BenchListener listener() {
    return listener != null ? listener : BenchListener.ignoring();
  }

  /** Records how the run ended: complete, or stopped early with what it measured. */
  void finish(RunResult result) {
    if (listener != null) {
      listener.finish(result);
    }
  }

  String where() {
    return store != null ? store.where() : "no store";
  }

  private static String host() {
    String name = System.getenv("HOSTNAME");
    if (name != null && !name.isBlank()) {
      return name;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
