package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.RunRequest;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.scenario.StartupSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            "sha256:deps",
            new StartupSpec.MountedDepsSpec("/app", List.of(), Optional.empty()),
            code,
            OPTIONS,
            Map.of("dev.layerlab.run", "run-1"),
            "ready");

    assertThat(request.image()).isEqualTo("sha256:deps");
    assertThat(request.command()).as("the image's own CMD").isEmpty();
    assertThat(request.workdir()).contains("/app");
    assertThat(request.binds()).containsExactly(new RunRequest.Bind(code, "/app"));
    assertThat(request.network()).as("dependencies are in the image").isEqualTo("none");
    assertThat(request.labels()).containsEntry("dev.layerlab.run", "run-1");
  }

  @Test
  void mountedDeps_withPaths_mountsEachOverItsPlaceInTheWorkdir_andRunsTheGivenCommand() {
    Path code = Path.of("/tmp/scratch/app");

    RunRequest request =
        StartupTimer.mountedDeps(
            "sha256:deps",
            new StartupSpec.MountedDepsSpec(
                "/app/", List.of("src", "config"), Optional.of("mvn -o -q package && java -jar x")),
            code,
            OPTIONS,
            Map.of(),
            "ready");

    assertThat(request.binds())
        .as("node_modules or the built jar beside them stay visible")
        .containsExactly(
            new RunRequest.Bind(code.resolve("src"), "/app/src"),
            new RunRequest.Bind(code.resolve("config"), "/app/config"));
    assertThat(request.command()).containsExactly("sh", "-c", "mvn -o -q package && java -jar x");
    assertThat(request.network()).isEqualTo("none");
  }

  @Test
  void mountedDeps_runsWithoutAMountedSection_whenTheScenarioGivesIts() {
    StartupSpec withDepsOnly =
        new StartupSpec(
            "up",
            Optional.empty(),
            Optional.of(new StartupSpec.MountedDepsSpec("/app", List.of("src"), Optional.empty())));
    StartupSpec bakedOnly = new StartupSpec("up", Optional.empty(), Optional.empty());

    assertThat(StartupTimer.modes(withDepsOnly)).containsExactly("baked", "mounted-deps");
    assertThat(StartupTimer.modes(bakedOnly)).containsExactly("baked");
  }

  @Test
  void firstRepetitionIsTheFirstRun_laterOnesAreRepeats() {
    assertThat(new StartupRecord("mounted-deps", 1, 1.0, BuildStatus.OK, "").run())
        .isEqualTo(StartupRecord.FIRST);
    assertThat(new StartupRecord("mounted-deps", 2, 1.0, BuildStatus.OK, "").run())
        .isEqualTo(StartupRecord.REPEAT);
  }
}
