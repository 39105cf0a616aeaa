package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole bench of a small fixture scenario against the real daemon. */
class BenchRunnerIT {

  @TempDir Path project;
  @TempDir Path scratch;

  private DockerClient docker;
  private final List<BenchEvent> events = new ArrayList<>();

  @BeforeEach
  void connect() throws Exception {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    docker =
        DockerClientImpl.getInstance(
            config,
            new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    String salt = UUID.randomUUID().toString();
    Files.writeString(project.resolve("app.py"), "print('fixture ready', flush=True)\n");
    Files.writeString(project.resolve("deps.txt"), "# " + salt + "\n");
    Files.writeString(
        project.resolve("Dockerfile.naive"),
        """
        FROM python:3.11-slim
        WORKDIR /app
        COPY . .
        RUN python3 -c "import time; time.sleep(1)"
        CMD ["python3", "app.py"]
        """);
    Files.writeString(
        project.resolve("Dockerfile.deps-first"),
        """
        FROM python:3.11-slim
        WORKDIR /app
        COPY deps.txt .
        RUN python3 -c "import time; time.sleep(1)"
        COPY . .
        CMD ["python3", "app.py"]
        """);
    Files.writeString(
        project.resolve("scenario.yaml"),
        """
        name: fixture
        variants:
          naive: Dockerfile.naive
          deps-first: Dockerfile.deps-first
        changes:
          edit-source: app.py
          edit-deps: deps.txt
        startup:
          ready: fixture ready
          mounted:
            image: python:3.11-slim
            workdir: /app
            command: python3 app.py
        """);
  }

  @AfterEach
  void close() throws Exception {
    docker.close();
  }

  @Test
  void benchOfTwoVariants_recordsWhatEachChangeRebuilt_andLeavesNothingBehind() throws Exception {
    Set<String> imagesBefore = imageIds();
    String digestBefore = digest(project);
    Scenario scenario = ScenarioLoader.load(project);

    RunResult run;
    List<String> made;
    try (DockerJavaEngine engine = new DockerJavaEngine(System::nanoTime, scratch)) {
      run =
          new BenchRunner(engine, events::add, Clock.systemUTC())
              .run(scenario, options("it-" + UUID.randomUUID(), 2));
      made = engine.createdImages();
    }

    assertThat(run.builds()).as("2 variants x (cold + 3 patterns x 2)").hasSize(14);
    assertThat(run.builds()).allMatch(b -> b.status() == BuildStatus.OK);
    assertThat(installRan(run, "naive", "edit-source")).containsExactly(true, true);
    assertThat(installRan(run, "deps-first", "edit-source")).containsExactly(false, false);
    assertThat(installRan(run, "deps-first", "edit-deps")).containsExactly(true, true);
    assertThat(
            run.builds().stream()
                .filter(b -> b.change().equals("no-change"))
                .flatMap(b -> b.steps().stream()))
        .allMatch(StepRecord::cached);
    assertThat(run.builds().stream().flatMap(b -> b.steps().stream()))
        .as("the run label layerlab adds is not a step of the user's Dockerfile")
        .noneMatch(s -> s.instruction().startsWith("LABEL"));
    assertThat(run.startups())
        .extracting(StartupRecord::mode)
        .containsExactly("baked", "mounted", "mounted-deps");
    assertThat(run.startups()).allMatch(s -> s.status() == BuildStatus.OK && s.seconds() > 0);
    assertThat(run.images())
        .as("each variant's cold-built image is analysed, after the timed work")
        .extracting(i -> i.variant() + "@" + i.imageId())
        .containsExactly(
            "naive@" + run.builds().get(0).imageId(),
            "deps-first@" + run.builds().get(7).imageId());
    assertThat(run.images()).allMatch(i -> i.totalBytes() > 0 && i.analysisSeconds() > 0);
    assertThat(events).filteredOn(e -> e instanceof BenchEvent.ImageAnalysed).hasSize(2);

    assertLeftNothing(imagesBefore, made);
    assertThat(run.predictions())
        .as("the cache model is checked on every step of every rebuild")
        .hasSize(6 * 5 + 6 * 6)
        .allMatch(p -> p.agrees(), "model and engine agree");
    assertThat(digest(project)).as("the project is never modified").isEqualTo(digestBefore);
    assertThat(events)
        .anyMatch(
            e -> e instanceof BenchEvent.Note n && n.message().startsWith("clean-up: removed"));
  }

  @Test
  void failingBuild_stopsTheRunAsFailed_keepsWhatWasMeasured_andCleansUp() throws Exception {
    Files.writeString(
        project.resolve("Dockerfile.deps-first"),
        """
        FROM python:3.11-slim
        COPY deps.txt .
        RUN python3 -c "import sys; sys.exit(0 if open('deps.txt').read().count('#') < 2 else 7)"
        """);
    Set<String> imagesBefore = imageIds();
    Scenario scenario = ScenarioLoader.load(project);

    List<String> made;
    try (DockerJavaEngine engine = new DockerJavaEngine(System::nanoTime, scratch)) {
      BenchRunner runner = new BenchRunner(engine, events::add, Clock.systemUTC());
      assertThatThrownBy(() -> runner.run(scenario, options("it-" + UUID.randomUUID(), 1)))
          .isInstanceOfSatisfying(
              BuildFailedException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("variant deps-first")
                    .contains("edit-deps")
                    .contains("non-zero code: 7");
                assertThat(e.failed().status()).isEqualTo(BuildStatus.FAILED);
                assertThat(e.partial().complete()).isFalse();
                assertThat(e.partial().builds()).last().isEqualTo(e.failed());
              });
      made = engine.createdImages();
    }
    assertLeftNothing(imagesBefore, made);
  }

  @Test
  void buildPastTheTimeout_stopsTheRunAsFailed_andLeavesNothingBehind() throws Exception {
    Files.writeString(
        project.resolve("Dockerfile.naive"),
        """
        FROM python:3.11-slim
        WORKDIR /app
        COPY . .
        RUN python3 -c "import time; time.sleep(120)"
        CMD ["python3", "app.py"]
        """);
    Set<String> imagesBefore = imageIds();
    Scenario scenario = ScenarioLoader.load(project);
    String runId = "it-" + UUID.randomUUID();
    BenchOptions base = options(runId, 1);
    BenchOptions options =
        new BenchOptions(
            runId,
            1,
            1,
            Map.of(),
            Map.of(),
            List.of(),
            "none",
            base.scratchDir(),
            base.startupTimeout(),
            Shard.ALL,
            Duration.ofSeconds(3));

    List<String> made;
    try (DockerJavaEngine engine = new DockerJavaEngine(System::nanoTime, scratch)) {
      BenchRunner runner = new BenchRunner(engine, events::add, Clock.systemUTC());
      assertThatThrownBy(() -> runner.run(scenario, options))
          .isInstanceOfSatisfying(
              BuildFailedException.class,
              e -> {
                assertThat(e.failed().status()).isEqualTo(BuildStatus.FAILED);
                assertThat(e.failed().error()).isEqualTo("timed out after 3 s");
                assertThat(e.partial().complete()).isFalse();
              });
      made = engine.createdImages();
    }
    assertLeftNothing(imagesBefore, made);
    assertThat(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(BenchOptions.RUN_LABEL, runId))
                .exec())
        .as("no container of the run is left")
        .isEmpty();
  }

  private String baseImageId() {
    return docker.inspectImageCmd("python:3.11-slim").exec().getId();
  }

  /** Other builds may share the daemon: compare with what existed before and what was made. */
  private void assertLeftNothing(Set<String> before, List<String> made) {
    Set<String> after = imageIds();
    assertThat(made).as("the run made images").isNotEmpty();
    // Other work may share the daemon and remove its own images meanwhile, so what existed
    // before is checked through the base image, which every build here stands on.
    assertThat(after.stream().filter(before::contains))
        .as("images that existed before and the run stood on are kept")
        .anyMatch(id -> baseImageId().equals(id));
    assertThat(after.stream().map(id -> id.substring(7, 19)))
        .as("every image the run made is removed")
        .doesNotContainAnyElementsOf(made);
  }

  private BenchOptions options(String runId, int repetitions) {
    return new BenchOptions(
        runId,
        repetitions,
        1,
        Map.of(),
        Map.of(),
        List.of(),
        "none",
        scratch.resolve("work"),
        Duration.ofSeconds(60));
  }

  private static List<Boolean> installRan(RunResult run, String variant, String change) {
    List<Boolean> ran = new ArrayList<>();
    for (BuildRecord b : run.builds()) {
      if (b.variant().equals(variant) && b.change().equals(change)) {
        ran.add(!b.step("RUN ").orElseThrow().cached());
      }
    }
    return ran;
  }

  private Set<String> imageIds() {
    return docker.listImagesCmd().withShowAll(true).exec().stream()
        .map(Image::getId)
        .collect(Collectors.toSet());
  }

  private static String digest(Path dir) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted().toList()) {
        sha.update(dir.relativize(p).toString().getBytes());
        if (Files.isRegularFile(p)) {
          sha.update(Files.readAllBytes(p));
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
