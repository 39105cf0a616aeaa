package dev.layerlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.run.Shard;
import dev.layerlab.secret.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whatever database holds it. Each test uses its own scenario and run
 * names, so the tests can share one database.
 */
abstract class StoreContract {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  Store store;
  String scenario;
  final List<String> warnings = new ArrayList<>();

  /** The JDBC URL of an empty or shared database for this test. */
  abstract String url() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = Store.open(url());
    scenario = "scenario-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    store.close();
  }

  StoreListener listener(Shard shard, Instant at) {
    return new StoreListener(
        store, shard, Redactor.none(), Clock.fixed(at, ZoneOffset.UTC), "test-host", warnings::add);
  }

  static RunResult part(RunResult whole, List<BuildRecord> builds, boolean complete) {
    return new RunResult(
        whole.runId(),
        whole.scenario(),
        whole.startedAt(),
        whole.environment(),
        builds,
        List.of(),
        whole.advice(),
        complete);
  }

  String id(String name) {
    return scenario + "-" + name;
  }

  @Test
  void runWrittenAsItRuns_readsBackAsTheSameRun() throws Exception {
    RunResult run = SyntheticRuns.run(id("r1"), scenario, T0, 12, 0.5);
    StoreListener listener = listener(Shard.ALL, T0);

    SyntheticRuns.play(run, listener);
    listener.finish(run);

    assertThat(store.load(run.runId())).contains(run);
    assertThat(warnings).isEmpty();
  }

  @Test
  void interruptedRun_keepsEveryFinishedBuild_andIsIncomplete() throws Exception {
    RunResult run = SyntheticRuns.run(id("r1"), scenario, T0, 12, 0.5);
    RunResult cut = SyntheticRuns.cut(run, 3);

    SyntheticRuns.play(cut, listener(Shard.ALL, T0));

    RunResult stored = store.load(run.runId()).orElseThrow();
    assertThat(stored.builds()).isEqualTo(cut.builds());
    assertThat(stored.complete()).as("never finished").isFalse();
  }

  @Test
  void shardsOfOneRun_mergeIntoOne_completeOnlyWhenEveryShardFinished() throws Exception {
    RunResult whole = SyntheticRuns.run(id("sharded"), scenario, T0, 12, 0.5);
    List<BuildRecord> builds = whole.builds();
    RunResult first = part(whole, builds.subList(0, 4), true);
    RunResult second = part(whole, builds.subList(4, 8), true);

    StoreListener one = listener(new Shard(1, 2), T0);
    SyntheticRuns.play(first, one);
    one.finish(first);
    assertThat(store.load(whole.runId()).orElseThrow().complete()).as("1 of 2 done").isFalse();

    StoreListener two = listener(new Shard(2, 2), T0.plusSeconds(5));
    SyntheticRuns.play(second, two);
    two.finish(second);

    RunResult merged = store.load(whole.runId()).orElseThrow();
    assertThat(merged.builds()).isEqualTo(builds);
    assertThat(merged.complete()).isTrue();
    assertThat(merged.environment()).containsEntry("shards", "2");
    assertThat(merged.startedAt()).isEqualTo(T0);
  }

  @Test
  void shardRunAgain_replacesWhatItWroteBefore() throws Exception {
    RunResult run = SyntheticRuns.run(id("retry"), scenario, T0, 12, 0.5);
    SyntheticRuns.play(SyntheticRuns.cut(run, 5), listener(Shard.ALL, T0));

    StoreListener again = listener(Shard.ALL, T0.plusSeconds(60));
    SyntheticRuns.play(run, again);
    again.finish(run);

    RunResult stored = store.load(run.runId()).orElseThrow();
    assertThat(stored.builds()).hasSize(run.builds().size());
    assertThat(stored.complete()).isTrue();
  }

  @Test
  void runIdOfAnotherScenario_isRefusedWithWhatToDo() throws Exception {
    RunResult run = SyntheticRuns.run(id("taken"), scenario, T0, 12, 0.5);
    SyntheticRuns.play(run, listener(Shard.ALL, T0));

    assertThatThrownBy(
            () ->
                store.startShard(
                    run.runId(), "other", T0, new Shard(1, 3), "docker-java", "test-host"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("already a run of scenario " + scenario)
        .hasMessageContaining("new --run-id");
  }

  @Test
  void history_listsAScenariosRunsOldestFirst_withoutSteps() throws Exception {
    for (int i = 3; i >= 1; i--) {
      RunResult run =
          SyntheticRuns.run(id("h" + i), scenario, T0.plusSeconds(3600L * i), 10 + i, 1);
      StoreListener l = listener(Shard.ALL, run.startedAt());
      SyntheticRuns.play(run, l);
      l.finish(run);
    }

    List<RunResult> runs = store.history(scenario);

    assertThat(runs).extracting(RunResult::runId).containsExactly(id("h1"), id("h2"), id("h3"));
    assertThat(runs.get(0).builds()).hasSize(8).allMatch(b -> b.steps().isEmpty());
    assertThat(store.scenarios()).contains(scenario);
  }

  @Test
  void secretValues_neverReachTheStore() throws Exception {
    String secret = "tok-" + UUID.randomUUID();
    RunResult clean = SyntheticRuns.run(id("secret"), scenario, T0, 12, 0.5);
    List<BuildRecord> builds = new ArrayList<>(clean.builds());
    BuildRecord b = builds.get(1);
    builds.set(
        1,
        new BuildRecord(
            b.variant(),
            b.change(),
            b.builder(),
            b.repetition(),
            b.seconds(),
            b.contextBytes(),
            b.imageBytes(),
            b.imageId(),
            b.status(),
            "echo " + secret,
            b.steps()));
    RunResult run =
        new RunResult(
            clean.runId(),
            scenario,
            T0,
            Map.of("note", secret),
            builds,
            clean.startups(),
            clean.advice(),
            true);
    StoreListener l =
        new StoreListener(
            store,
            Shard.ALL,
            Redactor.of(Map.of("NPM_TOKEN", secret), List.of()),
            Clock.fixed(T0, ZoneOffset.UTC),
            "test-host",
            warnings::add);

    SyntheticRuns.play(run, l);
    l.finish(run);

    RunResult stored = store.load(run.runId()).orElseThrow();
    assertThat(stored.toString()).doesNotContain(secret).contains("[redacted NPM_TOKEN]");
  }

  @Test
  void interruptedShard_isResumable_withItsOptions_andItsBuildsSoFar() throws Exception {
    RunResult whole = SyntheticRuns.run(id("resume"), scenario, T0, 6, 0.5);
    RunResult firstPart = SyntheticRuns.cut(whole, 4);
    StoreListener listener = listener(Shard.ALL, T0).withOptions(Map.of("repetitions", "2"));
    SyntheticRuns.play(firstPart, listener);
    listener.finish(firstPart);

    StoredShard stored = store.shard(whole.runId(), Shard.ALL).orElseThrow();

    assertThat(stored.scenario()).isEqualTo(scenario);
    assertThat(stored.startedAt()).isEqualTo(whole.startedAt());
    assertThat(stored.shardCount()).isEqualTo(1);
    assertThat(stored.started()).isTrue();
    assertThat(stored.complete()).isFalse();
    assertThat(stored.options()).containsEntry("repetitions", "2");
    assertThat(stored.builds()).isEqualTo(firstPart.builds());
    assertThat(store.shard("no-such-run", Shard.ALL)).isEmpty();
  }

  @Test
  void resumedShard_keepsWhatWasMeasured_dropsFailedBuilds_andEndsComplete() throws Exception {
    RunResult whole = SyntheticRuns.run(id("resumed"), scenario, T0, 6, 0.5);
    List<BuildRecord> kept = whole.builds().subList(0, 3);
    BuildRecord b = whole.builds().get(3);
    BuildRecord failed =
        new BuildRecord(
            b.variant(),
            b.change(),
            b.builder(),
            b.repetition(),
            0.2,
            b.contextBytes(),
            -1,
            "",
            dev.layerlab.measure.BuildStatus.FAILED,
            "no space left on device",
            List.of());
    List<BuildRecord> firstBuilds = new ArrayList<>(kept);
    firstBuilds.add(failed);
    RunResult firstPart = part(whole, firstBuilds, false);
    StoreListener first = listener(Shard.ALL, T0);
    SyntheticRuns.play(firstPart, first);
    first.finish(firstPart);

    StoreListener second = listener(Shard.ALL, T0.plusSeconds(60)).resuming(false);
    second.on(
        new dev.layerlab.run.BenchEvent.RunStarted(
            whole.runId(), scenario, "docker-java", whole.builds().size(), 0));
    int n = 3;
    for (BuildRecord rest : whole.builds().subList(3, whole.builds().size())) {
      second.on(new dev.layerlab.run.BenchEvent.BuildFinished(rest, ++n, whole.builds().size()));
    }
    second.finish(part(whole, whole.builds(), true));

    RunResult loaded = store.load(whole.runId()).orElseThrow();
    assertThat(loaded.complete()).isTrue();
    assertThat(loaded.builds()).isEqualTo(whole.builds());
    assertThat(loaded.startedAt()).isEqualTo(whole.startedAt());
    assertThat(warnings).isEmpty();
  }
}
