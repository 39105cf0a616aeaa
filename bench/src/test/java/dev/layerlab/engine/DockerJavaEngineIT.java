package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds and runs against the real daemon; needs Docker and the python:3.11-slim base image. */
class DockerJavaEngineIT {

  private static final String BASE = "python:3.11-slim";

  @TempDir Path context;
  @TempDir Path scratch;

  private DockerJavaEngine engine;
  private DockerClient docker;
  private final List<String> created = new ArrayList<>();
  private final String runId = "it-" + UUID.randomUUID();

  @BeforeEach
  void connect() {
    engine = new DockerJavaEngine(System::nanoTime, scratch);
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    docker =
        DockerClientImpl.getInstance(
            config,
            new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }

  @AfterEach
  void cleanUp() throws Exception {
    engine.removeImages(created);
    engine.removeContainers("dev.layerlab.run", runId);
    engine.close();
    docker.close();
  }

  @Test
  void rebuildOfAnUnchangedContext_isFullyCached_andOnlyTheEditedCopyMisses() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /a.txt\nCOPY b.txt /b.txt\n");
    Files.writeString(context.resolve("a.txt"), "a " + runId + "\n");
    Files.writeString(context.resolve("b.txt"), "b\n");

    BuildOutcome first = build(false);
    BuildOutcome again = build(false);
    Files.writeString(context.resolve("b.txt"), "b edited\n");
    BuildOutcome edited = build(false);

    assertThat(first.status()).isEqualTo(BuildStatus.OK);
    assertThat(first.contextBytes()).isGreaterThan(0);
    assertThat(steps(first)).contains("COPY a.txt /a.txt", "COPY b.txt /b.txt");
    assertThat(cached(first, "COPY a.txt")).as("new content: first build runs the copy").isFalse();
    assertThat(cached(again, "COPY a.txt")).isTrue();
    assertThat(cached(again, "COPY b.txt")).isTrue();
    assertThat(cached(edited, "COPY a.txt")).isTrue();
    assertThat(cached(edited, "COPY b.txt")).as("b.txt changed").isFalse();
    assertThat(first.imageBytes()).isGreaterThan(0);
    assertThat(
            first.steps().stream()
                .filter(s -> s.instruction().startsWith("COPY a.txt"))
                .findFirst()
                .orElseThrow()
                .layerBytes())
        .as("layer size from the image history")
        .isGreaterThan(0);

    List<String> made = List.copyOf(created);
    assertThat(made).as("the first build made an image per COPY").isNotEmpty();
    assertThat(engine.removeImages(created)).as("no image refused removal").isEmpty();
    created.clear();
    Set<String> after = allImageIds();
    // Other work may share the daemon, so only what these builds made is checked; they stood on
    // nothing (FROM scratch) that could have been removed by mistake.
    assertThat(after.stream().map(id -> id.substring(7, 19)))
        .as("every image the builds made is removed")
        .doesNotContainAnyElementsOf(made);
  }

  @Test
  void cacheMadeByTheDockerCli_isReusedByLayerlab() throws Exception {
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY . /ctx/\n");
    Files.writeString(context.resolve("app.py"), "print('" + runId + "')\n");
    Files.createDirectories(context.resolve("pkg"));
    Files.writeString(context.resolve("pkg/mod.py"), "x = 1\n");
    String tag = "layerlab-it-cli:" + runId.substring(3, 15);
    ProcessBuilder build =
        new ProcessBuilder("docker", "build", "-q", "-t", tag, context.toString())
            .redirectErrorStream(true);
    build.environment().put("DOCKER_BUILDKIT", "0");
    Process cli = build.start();
    cli.getInputStream().readAllBytes();
    assertThat(cli.waitFor()).as("docker build by the CLI").isZero();
    try {
      BuildOutcome ours = build(false);
      assertThat(cached(ours, "COPY . /ctx/"))
          .as("layerlab's context archive hashes like the CLI's")
          .isTrue();
    } finally {
      engine.removeImages(created); // ours sit on the CLI's images: remove them first
      created.clear();
      new ProcessBuilder("docker", "rmi", tag).start().waitFor();
    }
  }

  @Test
  void failingStep_isAFailedOutcomeWithTheEnginesMessage() throws Exception {
    Files.writeString(context.resolve("Dockerfile"), "FROM " + BASE + "\nRUN exit 3\n");

    BuildOutcome failed = build(true);

    assertThat(failed.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(failed.error()).contains("non-zero code: 3");
    assertThat(failed.imageId()).isEmpty();
  }

  @Test
  void buildPastItsTimeout_isCancelledAndFailed_andLeavesNothingBehind() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM " + BASE + "\nRUN echo " + runId + " > /marker\nRUN sleep 120 # " + runId + "\n");
    List<String> paths = List.of("Dockerfile");
    Map<String, String> labels = Map.of("dev.layerlab.run", runId);

    long start = System.nanoTime();
    BuildOutcome outcome =
        engine.build(
            new BuildRequest(
                context,
                paths,
                "Dockerfile",
                Map.of(),
                labels,
                true,
                "none",
                Duration.ofSeconds(3)));
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> made = engine.createdImages();
    created.addAll(made);

    assertThat(outcome.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("timed out after 3 s");
    assertThat(outcome.imageId()).isEmpty();
    assertThat(seconds).as("cancelled soon after the timeout, not after the sleep").isLessThan(60);
    assertThat(made).as("the first RUN made an image before the timeout").isNotEmpty();
    assertThat(
            docker.listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getCommand() != null && c.getCommand().contains(runId))
                .toList())
        .as("the step's container was stopped and removed")
        .isEmpty();
    assertThat(engine.removeImages(made)).as("no image refused removal").isEmpty();
    created.clear();
    assertThat(allImageIds().stream().map(id -> id.substring(7, 19)))
        .as("every image the build made is removed")
        .doesNotContainAnyElementsOf(made.stream().map(DockerJavaEngineIT::shortId).toList());
    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec())
        .as("no container carries the run label")
        .isEmpty();
  }

  private static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.substring(0, 12);
  }

  @Test
  void startUpIsTimedToTheReadyLine_andAnAppThatExitsIsNotReady() throws Exception {
    Map<String, String> labels = Map.of("dev.layerlab.run", runId);
    RunOutcome ready =
        engine.runUntilReady(
            new RunRequest(
                BASE,
                List.of(
                    "python3",
                    "-c",
                    "import time; time.sleep(0.5); print('app ready', flush=True);"
                        + " time.sleep(30)"),
                Optional.empty(),
                Map.of(),
                List.of(),
                "none",
                labels,
                "app ready",
                Duration.ofSeconds(60)));
    RunOutcome exited =
        engine.runUntilReady(
            new RunRequest(
                BASE,
                List.of("python3", "-c", "print('something else')"),
                Optional.empty(),
                Map.of(),
                List.of(),
                "none",
                labels,
                "app ready",
                Duration.ofSeconds(60)));

    assertThat(ready.ready()).isTrue();
    assertThat(ready.seconds()).isBetween(0.5, 30.0);
    assertThat(exited.ready()).isFalse();
    assertThat(exited.detail()).contains("exited before its ready line").contains("something else");
    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec())
        .as("containers are removed after timing")
        .isEmpty();
  }

  private BuildOutcome build(boolean noCache) throws Exception {
    List<String> paths;
    try (var walk = Files.walk(context)) {
      paths =
          walk.filter(p -> !p.equals(context))
              .map(p -> context.relativize(p).toString())
              .sorted()
              .toList();
    }
    BuildOutcome outcome =
        engine.build(
            new BuildRequest(
                context,
                paths,
                "Dockerfile",
                Map.of(),
                Map.of("dev.layerlab.run", runId),
                noCache,
                "none"));
    created.addAll(outcome.createdImages());
    return outcome;
  }

  private static List<String> steps(BuildOutcome o) {
    return o.steps().stream().map(StepRecord::instruction).toList();
  }

  private static boolean cached(BuildOutcome o, String prefix) {
    return o.steps().stream()
        .filter(s -> s.instruction().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + prefix + " in " + steps(o)))
        .cached();
  }

  private Set<String> allImageIds() {
    return docker.listImagesCmd().withShowAll(true).exec().stream()
        .map(Image::getId)
        .collect(Collectors.toSet());
  }
}
