package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench DIR --all} on two tiny generated scenarios against the real daemon
 * (python:3.11-slim, no network): the first has a variant that needs BuildKit, skipped on the
 * classic builder; the second fails to build. Both get a report, the index notes the skip and the
 * failure, and the bench ends with exit code 4.
 */
class BenchSuiteIT {

  @TempDir Path temp;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private DockerClient docker;

  @BeforeEach
  void connect() {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    docker =
        DockerClientImpl.getInstance(
            config,
            new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }

  @AfterEach
  void close() throws Exception {
    docker.close();
  }

  private void scenario(Path dir, String name, String plainRun) throws Exception {
    BenchProjectIT.write(
        dir,
        "scenario.yaml",
        "name: "
            + name
            + "\nvariants:\n  plain: Dockerfile.plain\n  cache-mount: Dockerfile.cache-mount\n"
            + "changes:\n  edit-source: app.py\n");
    BenchProjectIT.write(
        dir,
        "Dockerfile.plain",
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY app.py .\nRUN " + plainRun + "\n");
    BenchProjectIT.write(
        dir,
        "Dockerfile.cache-mount",
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY app.py .\n"
            + "RUN --mount=type=cache,target=/root/.cache true\n");
    BenchProjectIT.write(dir, "app.py", "print('ok')\n");
  }

  @Test
  void benchesEveryScenario_skipsBuildKitOnlyVariantsOnClassic_andIndexesThemAll()
      throws Exception {
    Path suite = temp.resolve("scenarios");
    String ok = "it-suite-" + tag + "-ok";
    String broken = "it-suite-" + tag + "-broken";
    scenario(suite.resolve("a"), ok, "python -c \"print(1)\"");
    scenario(suite.resolve("b"), broken, "exit 3");
    Files.createDirectories(suite.resolve("not-a-scenario"));
    Path out = temp.resolve("reports");

    CliRun run =
        CliRun.of(
            "bench",
            suite.toString(),
            "--all",
            "-r",
            "1",
            "--network",
            "none",
            "--no-store",
            "--builder",
            "classic",
            "-o",
            out.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(4);
    assertThat(run.out()).contains("scenario a (1 of 2)").contains("scenario b (2 of 2)");
    assertThat(run.err()).contains("going on with the next scenario");
    try (var reports = Files.list(out.resolve(ok))) {
      Path report = reports.findFirst().orElseThrow();
      assertThat(report.resolve("report.html")).isRegularFile();
      assertThat(Files.readString(report.resolve("summary.md")))
          .contains("> Not built: cache-mount not built with the classic builder");
    }
    assertThat(out.resolve(broken)).as("the failed scenario's partial report").isDirectory();
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index)
        .contains("<a href=\"" + ok + "/")
        .contains("failed: build failed")
        .contains("cache-mount not built with the classic builder");
    assertThat(Files.readString(out.resolve("index.md"))).contains("| " + ok + " |");
    for (String name : new String[] {ok, broken}) {
      assertThat(
              docker
                  .listImagesCmd()
                  .withShowAll(true)
                  .withLabelFilter(Map.of("dev.layerlab.scenario", name))
                  .exec())
          .as("images of %s removed", name)
          .isEmpty();
    }
  }
}
