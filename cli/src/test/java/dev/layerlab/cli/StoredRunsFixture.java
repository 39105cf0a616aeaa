package dev.layerlab.cli;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.run.BenchEvent;
import dev.layerlab.run.Shard;
import dev.layerlab.secret.Redactor;
import dev.layerlab.store.Store;
import dev.layerlab.store.StoreListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test-only: made-up runs written into a store the way a bench writes them. */
final class StoredRunsFixture {

  private StoredRunsFixture() {}

  static BuildRecord build(String variant, String change, int rep, double seconds) {
    return new BuildRecord(
        variant,
        change,
        "classic",
        rep,
        seconds,
        1000,
        2000,
        "sha256:x",
        BuildStatus.OK,
        "",
        List.of(new StepRecord(1, "COPY . .", 2, false, seconds, 10, "abc")));
  }

  /** A run whose naive/edit-source builds take {@code naive} ± 0.5 s, deps-first ± 0.05 s. */
  static RunResult run(String id, Instant at, double naive, double fast) {
    List<BuildRecord> builds = new ArrayList<>();
    builds.add(build("naive", "cold", 1, 30));
    for (int rep = 1; rep <= 3; rep++) {
      builds.add(build("naive", "edit-source", rep, naive + (rep - 2) * 0.5));
    }
    builds.add(build("deps-first", "cold", 1, 31));
    for (int rep = 1; rep <= 3; rep++) {
      builds.add(build("deps-first", "edit-source", rep, fast + (rep - 2) * 0.05));
    }
    return new RunResult(
        id, "python-app", at, Map.of("engine", "docker-java"), builds, List.of(), List.of(), true);
  }

  /** Writes a run into the store through the listener a bench uses, shard by shard. */
  static void store(Store store, RunResult run, Shard shard, List<BuildRecord> builds) {
    StoreListener l =
        new StoreListener(
            store,
            shard,
            Redactor.none(),
            Clock.fixed(run.startedAt(), ZoneOffset.UTC),
            "test",
            m -> {
              throw new AssertionError(m);
            });
    l.on(new BenchEvent.RunStarted(run.runId(), run.scenario(), "docker-java", 0, 0));
    int n = 0;
    for (BuildRecord b : builds) {
      l.on(new BenchEvent.BuildFinished(b, ++n, builds.size()));
    }
    l.finish(run);
  }
}
