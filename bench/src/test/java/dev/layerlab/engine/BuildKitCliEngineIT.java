package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds with BuildKit against the real daemon; needs Docker and python:3.11-slim. */
class BuildKitCliEngineIT {

  private static final String LABEL = "dev.layerlab.run";

  @TempDir Path context;
  @TempDir Path scratch;

  private BuildKitCliEngine engine;
  private final List<String> created = new ArrayList<>();
  private final String runId = "it-" + UUID.randomUUID();

  @BeforeEach
  void connect() throws Exception {
    engine = new BuildKitCliEngine(System::nanoTime, scratch);
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      engine.removeImages(created);
      assertThat(images(runId)).as("no image of this run is left").isEmpty();
    } finally {
      engine.close();
    }
  }

  @Test
  void infoNamesTheClientItBuildsWith() throws Exception {
    EngineInfo info = engine.info();

    assertThat(info.builder()).isEqualTo("buildkit");
    assertThat(info.engine()).contains(engine.client().executable().toString());
    assertThat(info.serverVersion()).isNotBlank();
  }

  @Test
  void rebuildIsFullyCached_andAnEditRerunsTheCopyAndWhatFollows() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"),
        """
        FROM python:3.11-slim
        WORKDIR /app
        COPY a.txt ./
        RUN cat a.txt > /a.copy
        COPY b.txt ./
        RUN cat b.txt > /b.copy
        ENV DONE=1
        """);
    Files.writeString(context.resolve("a.txt"), "a " + runId + "\n");
    Files.writeString(context.resolve("b.txt"), "b\n");
    Files.writeString(context.resolve(".dockerignore"), "ignored.txt\n");
    Files.writeString(context.resolve("ignored.txt"), "1\n");

    BuildOutcome first = build();
    Files.writeString(context.resolve("ignored.txt"), "2\n");
    BuildOutcome again = build();
    Files.writeString(context.resolve("b.txt"), "b edited\n");
    BuildOutcome edited = build();

    assertThat(first.status()).as(first.error()).isEqualTo(BuildStatus.OK);
    assertThat(first.steps())
        .extracting(StepRecord::instruction)
        .containsExactly(
            "FROM docker.io/library/python:3.11-slim",
            "WORKDIR /app",
            "COPY a.txt ./",
            "RUN cat a.txt > /a.copy",
            "COPY b.txt ./",
            "RUN cat b.txt > /b.copy");
    assertThat(first.steps()).extracting(StepRecord::line).containsExactly(1, 2, 3, 4, 5, 6);
    // WORKDIR /app on this base may have been built before on the daemon (BuildKit's cache outlives
    // images), so only FROM and the steps after the run's unique a.txt are certain.
    assertThat(cached(first).get(0)).as("FROM").isTrue();
    assertThat(cached(first).subList(2, 6)).containsOnly(false);
    assertThat(cached(again))
        .as("unchanged but for an ignored file: every step cached")
        .containsOnly(true);
    assertThat(cached(edited)).containsExactly(true, true, true, true, false, false);
    assertThat(first.imageId()).startsWith("sha256:");
    assertThat(first.imageBytes()).isGreaterThan(0);
    assertThat(first.createdImages()).containsExactly(first.imageId());
    assertThat(first.steps().get(2).layerBytes())
        .as("layer size of COPY a.txt from the image history")
        .isGreaterThan(0);
    assertThat(first.contextBytes()).isGreaterThan(0);
    assertThat(first.seconds()).isGreaterThan(0);
  }

  @Test
  void failingRun_isAFailedOutcome_namingTheStepAndLine() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM python:3.11-slim\nRUN echo " + runId + "\nRUN exit 3\n");

    BuildOutcome failed = build();

    assertThat(failed.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(failed.error()).contains("exit code: 3").contains("RUN exit 3").contains("line 3");
    assertThat(failed.imageId()).isEmpty();
    assertThat(failed.createdImages()).isEmpty();
    assertThat(failed.steps()).extracting(StepRecord::instruction).contains("RUN exit 3");
  }

  @Test
  void buildPastItsTimeout_isCancelledAndFailed_andLeavesNoImage() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"), "FROM python:3.11-slim\nRUN sleep 120 # " + runId + "\n");

    long start = System.nanoTime();
    BuildOutcome outcome =
        engine.build(
            new BuildRequest(
                context,
                List.of(),
                "Dockerfile",
                Map.of(),
                Map.of(LABEL, runId),
                false,
                "none",
                java.time.Duration.ofSeconds(3)));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(outcome.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("timed out after 3 s");
    assertThat(outcome.createdImages()).isEmpty();
    assertThat(seconds).as("stopped soon after the timeout, not after the sleep").isLessThan(30);
    assertThat(images(runId)).as("a cancelled build loads no image").isEmpty();
  }

  private BuildOutcome build() throws Exception {
    BuildOutcome outcome =
        engine.build(
            new BuildRequest(
                context, List.of(), "Dockerfile", Map.of(), Map.of(LABEL, runId), false, "none"));
    created.addAll(outcome.createdImages());
    return outcome;
  }

  private static List<Boolean> cached(BuildOutcome o) {
    return o.steps().stream().map(StepRecord::cached).toList();
  }

  /** Image ids carrying the run label, through the CLI the engine uses. */
  private List<String> images(String run) throws Exception {
    BuildKitCli.Output out =
        BuildKitCli.run(
            List.of(
                engine.client().executable().toString(),
                "images",
                "-q",
                "--filter",
                "label=" + LABEL + "=" + run));
    return out.text().lines().filter(l -> !l.isBlank()).toList();
  }
}
