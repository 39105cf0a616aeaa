package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code bench --project} and {@code bench --all}: one line and exit 2, no Docker. */
class BenchProjectInputTest {

  @TempDir Path temp;

  private static void oneLineExit2(CliRun run, String... fragments) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
    assertThat(run.errLines()).as("one line: %s", run.err()).hasSize(1);
    assertThat(run.err()).startsWith("layerlab: ").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(run.err()).contains(f);
    }
  }

  @Test
  void projectWithoutDockerfile() throws Exception {
    Path project = Files.createDirectories(temp.resolve("p"));
    oneLineExit2(CliRun.of("bench", "--project", project.toString()), "no such Dockerfile");
  }

  @Test
  void projectThatIsAFile() throws Exception {
    Path file = Files.writeString(temp.resolve("f"), "x");
    oneLineExit2(CliRun.of("bench", "--project", file.toString()), "not a directory");
  }

  @Test
  void dockerfileOutsideTheProject() throws Exception {
    Path project = Files.createDirectories(temp.resolve("p"));
    Path outside = Files.writeString(temp.resolve("Dockerfile"), "FROM scratch\n");
    oneLineExit2(
        CliRun.of("bench", "--project", project.toString(), "--dockerfile", outside.toString()),
        "outside the project");
  }

  @Test
  void projectAndScenarioTogether() throws Exception {
    Path project = Files.createDirectories(temp.resolve("p"));
    oneLineExit2(
        CliRun.of("bench", project.toString(), "--project", project.toString()),
        "either a scenario directory or --project");
  }

  @Test
  void nothingToBench() {
    oneLineExit2(CliRun.of("bench"), "name a scenario directory");
  }

  @Test
  void dockerfileWithoutProject() throws Exception {
    oneLineExit2(CliRun.of("bench", temp.toString(), "--dockerfile", "Dockerfile"), "--dockerfile");
  }

  @Test
  void badReadyPattern() throws Exception {
    Path project = Files.createDirectories(temp.resolve("p"));
    Files.writeString(project.resolve("Dockerfile"), "FROM scratch\n");
    oneLineExit2(CliRun.of("bench", "--project", project.toString(), "--ready", "("), "--ready");
  }

  @Test
  void allWithoutScenarios() throws Exception {
    Files.createDirectories(temp.resolve("empty/sub"));
    oneLineExit2(
        CliRun.of("bench", temp.resolve("empty").toString(), "--all"), "no scenario directories");
  }

  @Test
  void allWithShardOrRunId() throws Exception {
    oneLineExit2(
        CliRun.of("bench", temp.toString(), "--all", "--run-id", "x"), "--all", "--run-id");
  }

  @Test
  void allWithABadBuilder_isBadInputNotAFailedScenario() throws Exception {
    Path suite = Files.createDirectories(temp.resolve("suite/a"));
    Files.writeString(suite.resolve("scenario.yaml"), "variants:\n  only: Dockerfile\n");
    Files.writeString(suite.resolve("Dockerfile"), "FROM scratch\n");
    oneLineExit2(
        CliRun.of("bench", temp.resolve("suite").toString(), "--all", "--builder", "kaniko"),
        "--builder");
  }
}
