package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.RunRequest;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StartupRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTimerTest {

  private static final BenchOptions OPTIONS =
      new BenchOptions(
          "run-1",
          1,
          3,
          Map.of(),
          Map.of(),
          List.of(),
          "host",
          Path.of("/tmp/scratch"),
          Duration.ofSeconds(60));

  @Test
  void mountedDeps_runsTheDepsImageWithItsOwnCommand_andTheCodeMountedOverTheWorkdir() {
    Path code = Path.of("/tmp/scratch/app");

    RunRequest request =
        StartupTimer.mountedDeps(
            "sha256:deps", "/app", code, OPTIONS, Map.of("dev.layerlab.run", "run-1"), "ready");

    assertThat(request.image()).isEqualTo("sha256:deps");
    assertThat(request.command()).as("the image's own CMD").isEmpty();
    assertThat(request.workdir()).contains("/app");
    assertThat(request.bind()).contains(new RunRequest.Bind(code, "/app"));
    assertThat(request.network()).as("dependencies are in the image").isEqualTo("none");
    assertThat(request.labels()).containsEntry("dev.layerlab.run", "run-1");
  }

  @Test
  void firstRepetitionIsTheFirstRun_laterOnesAreRepeats() {
    assertThat(new StartupRecord("mounted-deps", 1, 1.0, BuildStatus.OK, "").run())
        .isEqualTo(StartupRecord.FIRST);
    assertThat(new StartupRecord("mounted-deps", 2, 1.0, BuildStatus.OK, "").run())
        .isEqualTo(StartupRecord.REPEAT);
  }
}
