package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {

  @TempDir Path temp;

  private Path context(String dockerignore) throws IOException {
    Path ctx = temp.resolve("ctx");
    write(ctx, "Dockerfile", "FROM scratch\nCOPY . /app/\n");
    if (dockerignore != null) {
      write(ctx, ".dockerignore", dockerignore);
    }
    return ctx;
  }

  private static void write(Path root, String rel, String content) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void table_listsSentPathsWithModeAndSize_andLeavesIgnoredOnesOut() throws Exception {
    Path ctx = context("node_modules/\n*.log\n");
    write(ctx, "src/app.js", "console.log(1);\n");
    write(ctx, "node_modules/left/index.js", "x");
    write(ctx, "debug.log", "noise");
    Path script = ctx.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    CliRun run = CliRun.of("context", ctx.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).as("header").matches("TYPE\\s+MODE\\s+SIZE\\s+PATH");
    assertThat(lines).as("rows").anyMatch(l -> l.matches("file\\s+0755\\s+10\\s+run\\.sh"));
    assertThat(lines).anyMatch(l -> l.matches("file\\s+0644\\s+16\\s+src/app\\.js"));
    assertThat(lines).anyMatch(l -> l.matches("dir\\s+0755\\s+-\\s+src"));
    assertThat(run.out()).as("ignored paths").doesNotContain("node_modules", "debug.log");
    int pathColumn = lines.get(0).indexOf("PATH");
    assertThat(lines.subList(1, 5))
        .as("the path column is aligned")
        .allSatisfy(l -> assertThat(l.charAt(pathColumn - 1)).isEqualTo(' '));
    assertThat(run.out()).contains("4 files, ").contains("sent to BuildKit");
    assertThat(run.out()).contains("largest directories:").contains("src/ (1 file)");
  }

  @Test
  void json_isOneObjectWithEntriesTotalsAndTheLargestDirectoriesFirst() throws Exception {
    Path ctx = context(null);
    write(ctx, "small/a.txt", "a");
    write(ctx, "big/b.bin", "b".repeat(5000));
    write(ctx, "big/deeper/c.bin", "c".repeat(3000));

    CliRun run = CliRun.of("context", ctx.toString(), "--format", "json");

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("files").asInt()).as("files").isEqualTo(4);
    assertThat(doc.get("bytes").asLong()).as("bytes").isEqualTo(8001 + 26);
    assertThat(doc.get("builder").asText()).isEqualTo("buildkit");
    assertThat(doc.get("ignoreFile").isNull()).as("no ignore file").isTrue();
    List<String> dirs = new ArrayList<>();
    doc.get("largestDirectories").forEach(d -> dirs.add(d.get("path").asText()));
    assertThat(dirs).as("by bytes").containsExactly("big", "big/deeper", "small");
    assertThat(doc.get("largestDirectories").get(0).get("bytes").asLong()).isEqualTo(8000);
    JsonNode first = doc.get("entries").get(0);
    assertThat(first.get("path").asText()).isEqualTo("Dockerfile");
    assertThat(first.get("mode").asText()).isEqualTo("0644");
    assertThat(doc.get("problems")).as("problems").isEmpty();
  }

  @Test
  void largestDirectories_areCappedAtTen() throws Exception {
    Path ctx = context(null);
    for (int i = 0; i < 14; i++) {
      write(ctx, "d" + i + "/f", "x".repeat(i + 1));
    }

    JsonNode doc =
        new ObjectMapper().readTree(CliRun.of("context", ctx.toString(), "--format", "json").out());

    assertThat(doc.get("largestDirectories")).as("top ten").hasSize(10);
    assertThat(doc.get("largestDirectories").get(0).get("path").asText()).isEqualTo("d13");
  }

  @Test
  void explain_namesTheFileLineAndPatternThatDecided() throws Exception {
    Path ctx = context("# build output\ndist\n!dist/keep.txt\n");
    write(ctx, "dist/app.js", "x");
    write(ctx, "dist/keep.txt", "k");
    write(ctx, "src/main.c", "int main;");
    String ignore = ctx.resolve(".dockerignore").toString();

    CliRun excluded = CliRun.of("context", ctx.toString(), "--explain", "dist/app.js");
    CliRun reincluded = CliRun.of("context", ctx.toString(), "--explain", "./dist/keep.txt");
    CliRun untouched = CliRun.of("context", ctx.toString(), "--explain", "src/main.c");

    assertThat(excluded.out().strip())
        .isEqualTo("dist/app.js: not sent: excluded by " + ignore + ":2: dist");
    assertThat(reincluded.out().strip())
        .isEqualTo("dist/keep.txt: re-included by " + ignore + ":3: !dist/keep.txt (sent)");
    assertThat(untouched.out().strip()).isEqualTo("src/main.c: no pattern matched: sent");
  }

  @Test
  void explain_acceptsAnAbsolutePathInsideTheContext_andSaysWhenItDoesNotExist() throws Exception {
    Path ctx = context("*.tmp\n");

    CliRun run =
        CliRun.of("context", ctx.toString(), "--explain", ctx.resolve("gone.tmp").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("gone.tmp: not sent: excluded by").contains(":1: *.tmp");
    assertThat(run.out()).contains("(no such path in the context)");
  }

  @Test
  void explain_underTheClassicBuilder_saysAWildcardExceptionIsNeverLookedFor() throws Exception {
    Path ctx = context("*\n!*/*.txt\n");
    write(ctx, "docs/a.txt", "a");

    CliRun buildkit = CliRun.of("context", ctx.toString(), "--explain", "docs/a.txt");
    CliRun classic =
        CliRun.of("context", ctx.toString(), "--builder", "classic", "--explain", "docs/a.txt");

    assertThat(buildkit.out()).as("BuildKit").contains("re-included by").contains("(sent)");
    assertThat(classic.out())
        .as("classic")
        .contains("(but not sent)")
        .contains("never looks inside the excluded directory docs/")
        .contains("!docs/a.txt");
  }

  @Test
  void explain_inJson_carriesTheDecision() throws Exception {
    Path ctx = context("logs/\n");
    write(ctx, "logs/a", "a");

    JsonNode doc =
        new ObjectMapper()
            .readTree(
                CliRun.of("context", ctx.toString(), "--format", "json", "--explain", "logs/a")
                    .out());

    assertThat(doc.get("sent").asBoolean()).isFalse();
    assertThat(doc.get("decidedBy").get("line").asInt()).isEqualTo(1);
    assertThat(doc.get("decidedBy").get("pattern").asText()).isEqualTo("logs/");
    assertThat(doc.get("decidedBy").get("excludes").asBoolean()).isTrue();
  }

  @Test
  void dockerfileSpecificIgnoreFile_countsForBuildkitOnly() throws Exception {
    Path ctx = context("a.txt\n");
    write(ctx, "a.txt", "a");
    write(ctx, "b.txt", "b");
    write(ctx, "Dockerfile.dockerignore", "b.txt\n");

    CliRun buildkit = CliRun.of("context", ctx.toString());
    CliRun classic = CliRun.of("context", ctx.toString(), "--builder", "classic");

    assertThat(buildkit.out()).contains("a.txt").doesNotContain("b.txt\n");
    assertThat(classic.out()).contains("b.txt").doesNotContain(" a.txt\n");
  }

  @Test
  void specialFiles_areListedAsProblems() throws Exception {
    Path ctx = context(null);
    Path fifo = ctx.resolve("pipe");
    assumeTrue(mkfifo(fifo), "mkfifo is available");

    CliRun run = CliRun.of("context", ctx.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("problems:").contains("pipe: FIFO");
  }

  @Test
  void missingDirectory_isOneLineAndExitTwo() {
    CliRun run = CliRun.of("context", temp.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("nope: no such directory");
  }

  @Test
  void missingDockerfile_isOneLineAndExitTwo() throws Exception {
    Path ctx = temp.resolve("empty");
    Files.createDirectories(ctx);

    CliRun run = CliRun.of("context", ctx.toString());
    CliRun named = CliRun.of("context", ctx.toString(), "-f", ctx.resolve("Other").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("Dockerfile: no such Dockerfile");
    assertThat(named.err()).contains("Other: no such Dockerfile");
  }

  @Test
  void invalidIgnoreFile_namesFileAndLine() throws Exception {
    Path ctx = context("ok\n# fine\n[z-a\n");

    CliRun run = CliRun.of("context", ctx.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains(ctx.resolve(".dockerignore") + ":3: pattern \"[z-a\"");
  }

  @Test
  void unknownBuilderOrFormat_isExitTwo() throws Exception {
    Path ctx = context(null);

    assertThat(CliRun.of("context", ctx.toString(), "--builder", "kaniko").exitCode())
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(CliRun.of("context", ctx.toString(), "--format", "xml").exitCode())
        .isEqualTo(ExitCodes.BAD_INPUT);
  }

  private static boolean mkfifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
