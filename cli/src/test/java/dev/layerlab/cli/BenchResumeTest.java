package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.run.BenchEvent;
import dev.layerlab.run.Shard;
import dev.layerlab.secret.Redactor;
import dev.layerlab.store.Store;
import dev.layerlab.store.StoreListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --resume} refusing what it cannot resume, before any Docker is needed. */
class BenchResumeTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path temp;
  private Path scenario;
  private Path out;

  @BeforeEach
  void scenario() throws Exception {
    scenario = temp.resolve("python-app");
    Files.createDirectories(scenario);
    Files.writeString(scenario.resolve("Dockerfile.naive"), "FROM scratch\nCOPY . /app\n");
    Files.writeString(scenario.resolve("Dockerfile.deps-first"), "FROM scratch\nCOPY . /app\n");
    Files.writeString(scenario.resolve("app.py"), "print('hi')\n");
    Files.writeString(
        scenario.resolve("scenario.yaml"),
        "name: python-app\nvariants:\n  naive: Dockerfile.naive\n"
            + "  deps-first: Dockerfile.deps-first\nchanges:\n  edit-source: app.py\n");
    out = temp.resolve("reports");
  }

  /** Stores the first {@code builds} builds of a run made with {@code -r 3}. */
  private void stored(String id, int builds, boolean complete) throws Exception {
    RunResult run = StoredRunsFixture.run(id, T0, 10, 1);
    List<BuildRecord> part = run.builds().subList(0, builds);
    try (Store store = Store.open(out.resolve("layerlab.sqlite").toString())) {
      StoreListener l =
          new StoreListener(
                  store,
                  Shard.ALL,
                  Redactor.none(),
                  Clock.fixed(T0, ZoneOffset.UTC),
                  "test-host",
                  m -> {})
              .withOptions(
                  new StoredOptions("classic", 3, 0, List.of(), "none", 1800, 300, Map.of("A", "1"))
                      .toMap());
      l.on(new BenchEvent.RunStarted(id, "python-app", "docker-java", 8, 0));
      int n = 0;
      for (BuildRecord b : part) {
        l.on(new BenchEvent.BuildFinished(b, ++n, 8));
      }
      l.finish(
          new RunResult(
              id, "python-app", T0, Map.of(), part, List.of(), List.of(), List.of(), complete));
    }
  }

  private CliRun resume(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("bench", scenario.toString(), "-o", out.toString(), "--resume"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void unknownRun_isBadInput_inOneLine() throws Exception {
    stored("r1", 3, false);

    CliRun run = resume("nope");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("layerlab: no run nope in store ").contains("to resume");
  }

  @Test
  void noStoreAtAll_isBadInput() {
    CliRun run = resume("r1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("no run r1 to resume: there is no store at");
  }

  @Test
  void completeRun_hasNothingToResume() throws Exception {
    stored("done", 8, true);

    CliRun run = resume("done");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("run done is complete in").contains("nothing to resume");
  }

  @Test
  void optionThatDisagreesWithTheStoredRun_isBadInput_namingBoth() throws Exception {
    stored("r2", 3, false);

    CliRun run = resume("r2", "-r", "2", "--network", "none");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .contains("--resume r2 runs the rest of the run with its own options")
        .contains("--repetitions was 3, not 2")
        .doesNotContain("--network");
  }

  @Test
  void runOfAnotherScenario_isBadInput() throws Exception {
    stored("r3", 3, false);
    Files.writeString(
        scenario.resolve("scenario.yaml"),
        "name: other\nvariants:\n  naive: Dockerfile.naive\nchanges:\n  edit-source: app.py\n");

    CliRun run = resume("r3");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("run r3 is a run of scenario python-app, not of other");
  }

  @Test
  void shardedResumeOfAWholeRun_isBadInput() throws Exception {
    stored("r4", 3, false);

    CliRun run = resume("r4", "--shard", "1/2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("is cut into 1 shard(s)");
  }
}
