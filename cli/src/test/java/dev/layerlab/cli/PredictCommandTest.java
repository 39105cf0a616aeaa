package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PredictCommandTest {

  @TempDir Path temp;

  private Path project;
  private Path state;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void project() throws IOException {
    project = Files.createDirectories(temp.resolve("app"));
    state = temp.resolve("state");
    write("requirements.txt", "flask\n");
    write("main.py", "print('hi')\n");
    write("utils/helpers.py", "X = 1\n");
    write(
        "Dockerfile",
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n");
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private int run(String... args) {
    CommandLine cmd = LayerlabCommand.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--state-dir", state.toString()));
    return cmd.execute(all.toArray(String[]::new));
  }

  @Test
  void predictWithoutSnapshot_suggestsTakingOne() {
    int code = run("predict", project.toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).as("the one-line error").contains("layerlab snapshot");
  }

  @Test
  void snapshotThenEdit_predictsTheCopyAndWhatFollows() throws IOException {
    assertThat(run("snapshot", project.toString())).as("snapshot exit code").isZero();
    assertThat(Files.list(project).map(p -> p.getFileName().toString()))
        .as("nothing written into the project")
        .containsExactlyInAnyOrder("requirements.txt", "main.py", "utils", "Dockerfile");
    write("utils/helpers.py", "X = 2\n");

    int code = run("predict", project.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .as("table")
        .contains("COPY . . (line 3) misses because utils/helpers.py changed")
        .contains("MISS  RUN pip install")
        .contains("2 of 4 steps rebuild.");
  }

  @Test
  void snapshotInsideTheContext_isRefused() {
    CommandLine cmd = LayerlabCommand.commandLine();
    cmd.setErr(new PrintWriter(err));

    int code =
        cmd.execute("snapshot", project.toString(), "--state-dir", project.resolve("s").toString());

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("inside the build context");
  }

  @Test
  void changeOption_asJson_givesOneObjectPerStep() throws IOException {
    int code =
        run(
            "predict",
            project.toString(),
            "--change",
            "main.py",
            "--builder",
            "buildkit",
            "--format",
            "json");

    assertThat(code).isZero();
    JsonNode steps = new ObjectMapper().readTree(out.toString());
    assertThat(steps).as("BuildKit steps: FROM, WORKDIR, COPY, RUN").hasSize(4);
    JsonNode copy = steps.get(2);
    assertThat(copy.get("hit").asBoolean()).isFalse();
    assertThat(copy.get("cause").get("kind").asText()).isEqualTo("FILE_CHANGED");
    assertThat(copy.get("cause").get("subject").asText()).isEqualTo("main.py");
    assertThat(steps.get(0).get("cause").isNull()).as("a plain hit has no cause").isTrue();
  }

  @Test
  void sinceRevision_takesTheChangesFromGit() throws Exception {
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "start");
    write("utils/helpers.py", "X = 3\n");

    int code = run("predict", project.toString(), "--since", "HEAD");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("misses because utils/helpers.py changed");
  }

  @Test
  void sinceOutsideGit_saysSo() {
    int code = run("predict", project.toString(), "--since", "HEAD");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("not inside a git repository");
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", project.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s", List.of(args)).isZero();
  }
}
