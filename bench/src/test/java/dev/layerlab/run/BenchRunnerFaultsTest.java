package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.EngineInfo;
import dev.layerlab.engine.RunOutcome;
import dev.layerlab.engine.RunRequest;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner when Docker fails under it, with an engine that stands in for the daemon: a daemon
 * that stops answering, a disk that fills, and the resumption of an interrupted run.
 */
class BenchRunnerFaultsTest {

  @TempDir Path dir;
  private Scenario scenario;
  private final List<BenchEvent> events = new ArrayList<>();

  @BeforeEach
  void scenario() throws Exception {
    Path dir = this.dir.resolve("scenario");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile.a"), "FROM scratch\nCOPY app.py /app.py\n");
    Files.writeString(dir.resolve("Dockerfile.b"), "FROM scratch\nCOPY . /app\n");
    Files.writeString(dir.resolve("app.py"), "print('hi')\n");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "name: faults\nvariants:\n  a: Dockerfile.a\n  b: Dockerfile.b\n"
            + "changes:\n  edit-source: app.py\n");
    scenario = ScenarioLoader.load(dir);
  }

  private BenchOptions options() {
    return options(Shard.ALL);
  }

  private BenchOptions options(Shard shard) {
    return new BenchOptions(
        "run-1",
        2,
        0,
        Map.of(),
        Map.of(),
        List.of(),
        "none",
        dir.resolve("scratch"),
        Duration.ofSeconds(10),
        shard);
  }

  @Test
  void daemonStopsDuringBuild3_runStopsWithDaemonLost_keepingTheTwoBuildsBefore() {
    FakeEngine engine = new FakeEngine().dieAt(3);

    assertThatThrownBy(
            () -> new BenchRunner(engine, events::add, Clock.systemUTC()).run(scenario, options()))
        .isInstanceOfSatisfying(
            DaemonLostException.class,
            e -> {
              assertThat(e.during()).isEqualTo("build 3 of 10 (a · no-change #2, classic)");
              assertThat(e.partial().complete()).isFalse();
              assertThat(e.partial().builds())
                  .extracting(BuildRecord::change)
                  .containsExactly("cold", "no-change");
            });
    assertThat(events)
        .as("the lost build is no measurement")
        .filteredOn(BenchEvent.BuildFinished.class::isInstance)
        .hasSize(2);
  }

  @Test
  void buildThatFailsOnAnAnsweringDaemon_isABuildFailure_notALostDaemon() {
    FakeEngine engine = new FakeEngine().failAt(2, "exit code 1");

    assertThatThrownBy(
            () -> new BenchRunner(engine, events::add, Clock.systemUTC()).run(scenario, options()))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.diskFull()).isFalse();
              assertThat(e.during()).isEqualTo("build 2 of 10 (a · no-change #1, classic)");
            });
  }

  @Test
  void buildThatRunsOutOfSpace_isABuildFailureThatSaysSo() {
    FakeEngine engine =
        new FakeEngine()
            .failAt(
                4,
                "failed to copy files: write /var/lib/docker/overlay2/x/diff/big:"
                    + " no space left on device");

    assertThatThrownBy(
            () -> new BenchRunner(engine, events::add, Clock.systemUTC()).run(scenario, options()))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.diskFull()).isTrue();
              assertThat(e.partial().builds()).hasSize(4);
            });
  }

  @Test
  void resumedRun_buildsOnlyWhatIsLeft_inOrder_afterWarmingTheVariantsCache() throws Exception {
    RunResult partial;
    try {
      new BenchRunner(new FakeEngine().dieAt(3), events::add, Clock.systemUTC())
          .run(scenario, options());
      throw new AssertionError("the daemon should have been lost");
    } catch (DaemonLostException e) {
      partial = e.partial();
    }
    FakeEngine restarted = new FakeEngine();
    restarted.leftovers.add("sha256:left-by-the-first-part");
    events.clear();

    RunResult whole =
        new BenchRunner(restarted, events::add, Clock.systemUTC())
            .run(scenario, options(), new Prior(partial.builds(), List.of()));

    assertThat(whole.complete()).isTrue();
    assertThat(whole.builds())
        .extracting(b -> b.variant() + " " + b.change() + " " + b.repetition())
        .containsExactly(
            "a cold 1",
            "a no-change 1",
            "a no-change 2",
            "a edit-source 1",
            "a edit-source 2",
            "b cold 1",
            "b no-change 1",
            "b no-change 2",
            "b edit-source 1",
            "b edit-source 2");
    assertThat(whole.builds().subList(0, 2)).isEqualTo(partial.builds());
    assertThat(restarted.requests)
        .as("a warm-up of a on its cache, then the 8 builds left")
        .hasSize(9);
    assertThat(restarted.requests.get(0).noCache()).isFalse();
    assertThat(restarted.removed).contains("sha256:left-by-the-first-part");
    assertThat(whole.environment().get("resumed"))
        .isEqualTo(
            "at build 3 of 10 (a · no-change #2, classic), keeping the 2 builds measured before an"
                + " interruption");
    assertThat(events)
        .filteredOn(BenchEvent.BuildFinished.class::isInstance)
        .as("only the new builds are reported as built")
        .hasSize(8);
  }

  @Test
  void resumedRun_editsWithTokensTheInterruptedPartNeverUsed() throws Exception {
    // A daemon told to stop may finish the build in progress, so the interrupted cell's layers
    // can stay behind without the run's label; the resumed cell must not find them in the cache.
    FakeEngine first = new FakeEngine().dieAt(4);
    RunResult partial;
    try {
      new BenchRunner(first, events::add, Clock.systemUTC()).run(scenario, options());
      throw new AssertionError("the daemon should have been lost");
    } catch (DaemonLostException e) {
      partial = e.partial();
    }
    String interrupted = first.sources.get(3);
    assertThat(interrupted).contains("layerlab edit");
    FakeEngine restarted = new FakeEngine();

    new BenchRunner(restarted, events::add, Clock.systemUTC())
        .run(scenario, options(), new Prior(partial.builds(), List.of()));

    assertThat(restarted.sources)
        .filteredOn(source -> source.contains("layerlab edit"))
        .isNotEmpty()
        .doesNotContainAnyElementsOf(first.sources);
  }

  @Test
  void resumedRun_removesTheStepImagesTheKeptBuildsMade_andWhatTheBuildInProgressLeftOnThem()
      throws Exception {
    BuildRecord kept =
        new BuildRecord(
            "a",
            "cold",
            "classic",
            1,
            1.0,
            10,
            100,
            "sha256:final",
            BuildStatus.OK,
            "",
            List.of(
                new StepRecord(1, "FROM scratch", 1, true, 0, 0, "sha256:base"),
                new StepRecord(2, "COPY app.py /app.py", 2, false, 0.1, 10, "sha256:step-2")));
    FakeEngine restarted = new FakeEngine();
    restarted.children.put("sha256:step-2", List.of("sha256:in-progress"));

    new BenchRunner(restarted, events::add, Clock.systemUTC())
        .run(scenario, options(), new Prior(List.of(kept), List.of()));

    assertThat(restarted.removed)
        .contains("sha256:step-2", "sha256:in-progress")
        .doesNotContain("sha256:base");
    assertThat(restarted.containersOf).contains("sha256:step-2", "sha256:in-progress");
    assertThat(events)
        .filteredOn(BenchEvent.Note.class::isInstance)
        .map(e -> ((BenchEvent.Note) e).message())
        .anyMatch(m -> m.contains("removed 2 images and 1 containers"));
  }

  @Test
  void resumedShard_buildsOnlyTheRestOfItsOwnCells() throws Exception {
    Shard second = new Shard(2, 2);
    RunResult partial;
    try {
      new BenchRunner(new FakeEngine().dieAt(2), events::add, Clock.systemUTC())
          .run(scenario, options(second));
      throw new AssertionError("the daemon should have been lost");
    } catch (DaemonLostException e) {
      assertThat(e.during()).isEqualTo("build 2 of 5 (b · no-change #1, classic)");
      partial = e.partial();
    }
    FakeEngine restarted = new FakeEngine();

    RunResult shard =
        new BenchRunner(restarted, events::add, Clock.systemUTC())
            .run(scenario, options(second), new Prior(partial.builds(), List.of()));

    assertThat(shard.builds())
        .extracting(b -> b.variant() + " " + b.change() + " " + b.repetition())
        .containsExactly(
            "b cold 1", "b no-change 1", "b no-change 2", "b edit-source 1", "b edit-source 2");
    assertThat(restarted.requests).as("a warm-up of b, then its 4 cells").hasSize(5);
  }

  @Test
  void daemonStopsDuringTheStartUps_runStopsWithDaemonLost_keepingEveryBuild() throws Exception {
    Path dir = this.dir.resolve("scenario");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "name: faults\nvariants:\n  a: Dockerfile.a\nchanges:\n  edit-source: app.py\n"
            + "startup:\n  ready: hi\n");
    Scenario withStartup = ScenarioLoader.load(dir);
    FakeEngine engine = new FakeEngine();
    engine.dieAtStartup = true;
    BenchOptions options =
        new BenchOptions(
            "run-1",
            1,
            2,
            Map.of(),
            Map.of(),
            List.of(),
            "none",
            this.dir.resolve("scratch"),
            Duration.ofSeconds(10));

    assertThatThrownBy(
            () -> new BenchRunner(engine, events::add, Clock.systemUTC()).run(withStartup, options))
        .isInstanceOfSatisfying(
            DaemonLostException.class,
            e -> {
              assertThat(e.during()).isEqualTo("the start-up timing");
              assertThat(e.partial().builds()).hasSize(3);
            });
  }

  /** A daemon that builds instantly, and can stop answering or fail a build on cue. */
  private static final class FakeEngine implements Engine {
    final List<BuildRequest> requests = new ArrayList<>();
    final List<String> leftovers = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    final Map<String, List<String>> children = new java.util.HashMap<>();
    final List<String> containersOf = new ArrayList<>();
    private int dieAt = -1;
    private int failAt = -1;
    private String failure = "";
    private boolean dead;
    boolean dieAtStartup;

    FakeEngine dieAt(int build) {
      dieAt = build;
      return this;
    }

    FakeEngine failAt(int build, String error) {
      failAt = build;
      failure = error;
      return this;
    }

    @Override
    public EngineInfo info() throws EngineException {
      if (dead) {
        throw new EngineException("cannot reach the daemon");
      }
      return new EngineInfo("fake", "classic", "20.10.24", "1.41", "linux/amd64", "fake://");
    }

    @Override
    public BuildOutcome build(BuildRequest request) {
      requests.add(request);
      try {
        sources.add(Files.readString(request.contextDir().resolve("app.py")));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      int n = requests.size();
      if (n == dieAt) {
        dead = true;
        return new BuildOutcome(
            BuildStatus.FAILED, 0.1, 10, "", -1, List.of(), List.of(), "unexpected EOF");
      }
      if (n == failAt) {
        return new BuildOutcome(BuildStatus.FAILED, 0.1, 10, "", -1, List.of(), List.of(), failure);
      }
      String image = "sha256:image-" + n;
      return new BuildOutcome(
          BuildStatus.OK,
          0.1,
          10,
          image,
          100,
          List.of(new StepRecord(1, "FROM scratch", 1, true, 0, 0, "")),
          List.of(image),
          "");
    }

    @Override
    public RunOutcome runUntilReady(RunRequest request) throws EngineException {
      if (dieAtStartup) {
        dead = true;
        throw new EngineException("cannot reach the daemon");
      }
      return new RunOutcome(true, 0.1, "");
    }

    @Override
    public List<String> descendantsOf(java.util.Collection<String> imageIds) {
      List<String> found = new ArrayList<>();
      for (String id : imageIds) {
        found.addAll(children.getOrDefault(id, List.of()));
      }
      return found;
    }

    @Override
    public int removeStoppedContainersOf(java.util.Collection<String> imageIds) {
      containersOf.addAll(imageIds);
      return imageIds.contains("sha256:in-progress") ? 1 : 0;
    }

    @Override
    public List<String> labelledImages(String label, String value) {
      return List.copyOf(leftovers);
    }

    @Override
    public List<String> removeImages(Collection<String> imageIds) {
      removed.addAll(imageIds);
      return List.of();
    }

    @Override
    public int removeContainers(String label, String value) {
      return 0;
    }

    @Override
    public void close() {}
  }
}
