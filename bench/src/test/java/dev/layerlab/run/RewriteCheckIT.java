package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.measure.RewriteVerification;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench whose naive Dockerfile has a rewrite that a declared variant measures: after the timed
 * builds, the run compares the two cold images and records the rewrite as verified, without adding
 * a build to any cell, and removes the extra build's images with the rest.
 */
class RewriteCheckIT {

  @TempDir Path project;
  @TempDir Path scratch;

  @Test
  void rewriteMeasuredByADeclaredVariant_isVerifiedAfterTheTimedBuilds() throws Exception {
    String salt = UUID.randomUUID().toString();
    Files.writeString(project.resolve("requirements.txt"), "# " + salt + "\n");
    Files.writeString(project.resolve("app.py"), "print('ready')\n");
    Files.writeString(
        project.resolve("Dockerfile.naive"),
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\n"
            + "RUN pip install --no-cache-dir --no-index -r requirements.txt\n"
            + "CMD [\"python3\", \"app.py\"]\n");
    Files.writeString(
        project.resolve("Dockerfile.deps-first"),
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
            + "RUN pip install --no-cache-dir --no-index -r requirements.txt\n\nCOPY . .\n"
            + "CMD [\"python3\", \"app.py\"]\n");
    Files.writeString(
        project.resolve("scenario.yaml"),
        "name: verify-fixture\nvariants:\n  naive: Dockerfile.naive\n"
            + "  deps-first: Dockerfile.deps-first\nchanges:\n  edit-source: app.py\n");
    String runId = "it-verify-" + UUID.randomUUID();
    List<String> events = new ArrayList<>();

    RunResult run;
    List<String> made;
    try (DockerJavaEngine engine = new DockerJavaEngine(System::nanoTime, scratch)) {
      run =
          new BenchRunner(
                  engine,
                  e -> {
                    if (e instanceof BenchEvent.Note n) {
                      events.add(n.message());
                    }
                  },
                  Clock.systemUTC())
              .run(
                  ScenarioLoader.load(project),
                  new BenchOptions(
                      runId,
                      1,
                      0,
                      Map.of(),
                      Map.of(),
                      List.of(),
                      "none",
                      scratch.resolve("work"),
                      Duration.ofSeconds(60)));
      made = engine.createdImages();
    }

    VariantAdvice naive =
        run.advice().stream().filter(a -> a.variant().equals("naive")).findFirst().orElseThrow();
    assertThat(naive.measuredAs()).contains("deps-first");
    RewriteVerification v = naive.verification().orElseThrow();
    assertThat(v.status()).as("%s", v).isEqualTo(RewriteVerification.VERIFIED);
    assertThat(v.builder()).isEqualTo("classic");
    assertThat(v.filesCompared()).isGreaterThan(1000);
    assertThat(run.builds())
        .as("the check's build is no cell: 2 variants x (cold, no-change, edit-source)")
        .hasSize(6);
    assertThat(events).anyMatch(m -> m.startsWith("verifying the rewrite of naive"));

    DockerClient docker = docker();
    List<String> left =
        docker.listImagesCmd().withShowAll(true).exec().stream()
            .map(Image::getId)
            .map(id -> id.substring(7, 19))
            .filter(made::contains)
            .collect(Collectors.toList());
    assertThat(left).as("every image the run made, the check's included, is removed").isEmpty();
    assertThat(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(BenchOptions.RUN_LABEL, runId))
                .exec())
        .isEmpty();
    docker.close();
  }

  private static DockerClient docker() {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    return DockerClientImpl.getInstance(
        config, new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }
}
