package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.measure.BuildStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build timeout, against a stand-in docker client that never finishes; needs no Docker. */
class BuildTimeoutTest {

  @TempDir Path dir;

  @Test
  void requestWithoutTimeout_getsTheDefault() {
    BuildRequest request = request(dir, null);

    assertThat(request.timeout()).isEqualTo(BuildRequest.DEFAULT_TIMEOUT);
    assertThat(request.timedOutMessage()).isEqualTo("timed out after 1800 s");
  }

  @Test
  void zeroTimeout_isRefused() {
    assertThatThrownBy(() -> request(dir, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void buildKitBuildPastItsTimeout_failsAndLeavesNoProcess() throws Exception {
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    Path pidFile = dir.resolve("child.pid");
    Path client = dir.resolve("docker");
    Files.writeString(
        client,
        "#!/bin/sh\n"
            + "echo '#1 [internal] load build definition from Dockerfile'\n"
            + "sleep 300 &\n"
            + "echo $! > "
            + pidFile
            + "\n"
            + "wait\n");
    Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwx------"));
    BuildKitCliEngine engine =
        new BuildKitCliEngine(
            new BuildKitCli(client, "20.10.0", false), System::nanoTime, dir.resolve("scratch"));

    long start = System.nanoTime();
    BuildOutcome outcome = engine.build(request(context, Duration.ofSeconds(1)));
    double seconds = (System.nanoTime() - start) / 1e9;
    engine.close();

    assertThat(outcome.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("timed out after 1 s");
    assertThat(outcome.createdImages()).isEmpty();
    assertThat(seconds).as("stopped soon after the timeout").isLessThan(20);
    long child = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(running(child)).as("the client's child process is gone").isFalse();
  }

  /** Whether a process runs; a killed one may linger as a zombie until init reaps it. */
  private static boolean running(long pid) throws Exception {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return false;
    }
    String text = Files.readString(stat);
    String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
    return !state.equals("Z") && !state.equals("X");
  }

  private static BuildRequest request(Path context, Duration timeout) {
    if (timeout == null) {
      return new BuildRequest(context, List.of(), "Dockerfile", Map.of(), Map.of(), false, "none");
    }
    return new BuildRequest(
        context, List.of(), "Dockerfile", Map.of(), Map.of(), false, "none", timeout);
  }
}
