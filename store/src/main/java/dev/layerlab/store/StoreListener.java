package dev.layerlab.store;

import dev.layerlab.measure.RunResult;
import dev.layerlab.run.BenchEvent;
import dev.layerlab.run.BenchListener;
import dev.layerlab.run.Shard;
import dev.layerlab.secret.Redactor;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Writes a bench into the store as it runs: the run's row when it starts, each build and start-up
 * as it finishes, and the completion flag at the end. A run that is interrupted keeps every build
 * that finished; its shard stays marked incomplete.
 *
 * <p>A store that stops answering does not stop the bench: the first failure is reported through
 * {@code warn}, later ones are counted, and the report files still get everything.
 */
public final class StoreListener implements BenchListener {

  private final Store store;
  private final Shard shard;
  private final Redactor redactor;
  private final Clock clock;
  private final String host;
  private final Consumer<String> warn;
  private String runId;
  private int seq;
  private int failures;
  private java.util.Map<String, String> options = java.util.Map.of();
  private boolean resuming;
  private boolean keepStartups;

  public StoreListener(
      Store store,
      Shard shard,
      Redactor redactor,
      Clock clock,
      String host,
      Consumer<String> warn) {
    this.store = store;
    this.shard = shard;
    this.redactor = redactor;
    this.clock = clock;
    this.host = host;
    this.warn = warn;
  }

  /**
   * Keeps these options with the shard when it starts, so that {@code --resume} can run the rest of
   * it the same way; values are redacted first.
   */
  public synchronized StoreListener withOptions(java.util.Map<String, String> options) {
    java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
    options.forEach((k, v) -> clean.put(k, redactor.apply(v)));
    this.options = clean;
    return this;
  }

  /**
   * Takes up the stored shard when the run starts, instead of starting it afresh: the builds it
   * kept stay, failed ones go, and new builds are numbered after the last kept one.
   *
   * @param keepStartups whether the start-ups stored are kept (all of them were timed)
   */
  public synchronized StoreListener resuming(boolean keepStartups) {
    this.resuming = true;
    this.keepStartups = keepStartups;
    return this;
  }

  @Override
  public synchronized void on(BenchEvent event) {
    try {
      if (event instanceof BenchEvent.RunStarted s) {
        runId = s.runId();
        if (resuming) {
          seq = store.reopenShard(s.runId(), shard.index(), keepStartups);
        } else {
          store.startShard(
              s.runId(), s.scenario(), clock.instant(), shard, redactor.apply(s.engine()), host);
          if (!options.isEmpty()) {
            store.saveOptions(s.runId(), shard.index(), options);
          }
        }
      } else if (runId == null) {
        return;
      } else if (event instanceof BenchEvent.BuildFinished f) {
        store.addBuild(runId, shard.index(), ++seq, redactor.apply(f.build()));
      } else if (event instanceof BenchEvent.StartupFinished s) {
        store.addStartup(runId, shard.index(), redactor.apply(s.startup()));
      } else if (event instanceof BenchEvent.ImageAnalysed a) {
        store.addImage(runId, shard.index(), redactor.apply(a.image()));
      }
    } catch (StoreException e) {
      failed(e);
    }
  }

  /** Marks this shard finished, complete or not, with the run's environment and advice. */
  public synchronized void finish(RunResult result) {
    if (runId == null) {
      return;
    }
    RunResult run = redactor.apply(result);
    try {
      store.finishShard(
          runId, shard.index(), run.complete(), clock.instant(), run.environment(), run.advice());
    } catch (StoreException e) {
      failed(e);
    }
    if (failures > 1) {
      warn.accept(
          "store: "
              + failures
              + " writes failed; the report files hold the whole run, the store only part of it");
    }
  }

  /** How many writes failed. */
  public synchronized int failures() {
    return failures;
  }

  private void failed(StoreException e) {
    if (failures++ == 0) {
      warn.accept(
          redactor.apply(e.getMessage())
              + " (the bench goes on; the report files keep everything)");
    }
  }
}
