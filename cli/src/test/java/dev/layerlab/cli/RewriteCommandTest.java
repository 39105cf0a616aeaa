package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerlab rewrite} without {@code --verify}: needs no Docker. */
class RewriteCommandTest {

  private static final String NAIVE =
      "FROM python:3.11-slim\n"
          + "WORKDIR /app\n"
          + "COPY . .\n"
          + "RUN pip install --no-cache-dir -r requirements.txt\n"
          + "CMD [\"python\", \"main.py\"]\n";

  @TempDir Path dir;

  private Path naiveProject() throws Exception {
    Files.writeString(dir.resolve("requirements.txt"), "flask\n");
    Files.writeString(dir.resolve("main.py"), "print('hi')\n");
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, NAIVE);
    return file;
  }

  @Test
  void copyAllBeforeInstall_printsAUnifiedDiff_andWritesTheRewriteBesideIt() throws Exception {
    Path file = naiveProject();

    CliRun run = CliRun.of("rewrite", file.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("diff headers name both files")
        .contains("--- " + file + "\n+++ " + file + ".layerlab\n")
        .contains("@@ -1,5 +1,7 @@")
        .contains("-COPY . .\n+COPY requirements.txt .\n")
        .contains("wrote " + file + ".layerlab");
    String rewritten = Files.readString(dir.resolve("Dockerfile.layerlab"));
    assertThat(rewritten.indexOf("RUN pip install"))
        .as("the install comes before the whole context")
        .isLessThan(rewritten.indexOf("COPY . ."));
    assertThat(Files.readString(file)).as("the original is untouched").isEqualTo(NAIVE);
  }

  @Test
  void inPlace_overwritesTheDockerfile() throws Exception {
    Path file = naiveProject();

    CliRun run = CliRun.of("rewrite", file.toString(), "--in-place");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("wrote " + file + "\n");
    assertThat(Files.readString(file)).contains("COPY requirements.txt .");
    assertThat(dir.resolve("Dockerfile.layerlab")).doesNotExist();
  }

  @Test
  void output_writesWhereAsked() throws Exception {
    Path file = naiveProject();
    Path target = dir.resolve("out.Dockerfile");

    CliRun run = CliRun.of("rewrite", file.toString(), "-o", target.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("+++ " + target).contains("wrote " + target);
    assertThat(target).content().contains("COPY requirements.txt .");
  }

  @Test
  void mavenBuildAfterCopyAll_getsTheDependencyOnlyStep() throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(dir.resolve("pom.xml"), "<project></project>\n");
    Files.writeString(
        file, "FROM maven:3.8-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -q -B package\n");

    CliRun run = CliRun.of("rewrite", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("+COPY pom.xml .\n+RUN mvn -q -B dependency:go-offline\n")
        .contains("# line 3: added `COPY pom.xml .` and `RUN mvn -q -B dependency:go-offline`");
    assertThat(dir.resolve("Dockerfile.layerlab"))
        .hasContent(
            "FROM maven:3.8-eclipse-temurin-17\nWORKDIR /app\nCOPY pom.xml .\n"
                + "RUN mvn -q -B dependency:go-offline\n\nCOPY . .\nRUN mvn -q -B package\n");
  }

  @Test
  void nothingToMove_saysSo_andWritesNothing() throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM scratch\nCOPY a.txt /a.txt\n");
    Files.writeString(dir.resolve("a.txt"), "a\n");

    CliRun run = CliRun.of("rewrite", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            file
                + ": nothing to rewrite: no finding can be fixed by moving lines or adding a"
                + " dependency-only step\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("Dockerfile", "a.txt");
    }
  }

  @Test
  void wastedContext_writesASuggestedDockerignore_besideAnExistingOne() throws Exception {
    Path file = naiveProject();
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(dir.resolve(".dockerignore"), "*.pyc\n");

    CliRun run = CliRun.of("rewrite", file.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out()).contains("wrote " + dir.resolve(".dockerignore.layerlab"));
    assertThat(Files.readString(dir.resolve(".dockerignore"))).isEqualTo("*.pyc\n");
    assertThat(Files.readString(dir.resolve(".dockerignore.layerlab")))
        .as("the user's lines, then the suggested ones")
        .startsWith("*.pyc\n")
        .contains(".git\n");
  }

  @Test
  void wastedContext_withoutADockerignore_writesOne() throws Exception {
    Path file = naiveProject();
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");

    CliRun run = CliRun.of("rewrite", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("wrote " + dir.resolve(".dockerignore") + "\n");
    assertThat(dir.resolve(".dockerignore")).content().contains(".git\n");
  }

  @Test
  void outputAndInPlace_together_areRefused() throws Exception {
    Path file = naiveProject();

    CliRun run = CliRun.of("rewrite", file.toString(), "--in-place", "-o", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).isEqualTo("layerlab: give -o FILE or --in-place, not both\n");
    assertThat(dir.resolve("Dockerfile.layerlab")).doesNotExist();
  }

  @Test
  void unifiedDiff_ofEqualTexts_isEmpty() {
    assertThat(RewriteCommand.unifiedDiff("a", "b", "FROM scratch\n", "FROM scratch\n")).isEmpty();
  }
}
