package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a user should never have to debug with a stack trace: each ends {@code analyze} and {@code
 * context} with one line naming the file and line, and exit code 2; or, where Docker accepts the
 * input, layerlab accepts it too.
 */
class BadInputTest {

  @TempDir Path temp;

  private Path dockerfile(byte[] bytes) throws IOException {
    Path dir = temp.resolve("ctx");
    Files.createDirectories(dir);
    Path file = dir.resolve("Dockerfile");
    Files.write(file, bytes);
    return file;
  }

  private Path dockerfile(String text) throws IOException {
    return dockerfile(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs both commands and checks each failed with one line starting with the location. */
  private static String bothFailAt(Path file, String location) {
    CliRun analyze = CliRun.of("analyze", file.toString());
    CliRun context = CliRun.of("context", file.getParent().toString());
    for (CliRun run : new CliRun[] {analyze, context}) {
      assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
      assertThat(run.errLines()).as("one line: %s", run.err()).hasSize(1);
      assertThat(run.err()).as("names file and line").startsWith("layerlab: " + file + location);
      assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
    }
    return analyze.err();
  }

  @Test
  void binaryGarbage_namesTheFirstBadByte() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    garbage[0] = (byte) 0xC3; // an invalid two-byte sequence on line 1, whatever follows
    garbage[1] = (byte) 0x28;
    Path file = dockerfile(garbage);

    assertThat(bothFailAt(file, ":1: ")).contains("invalid UTF-8 byte 0xc3");
  }

  @Test
  void invalidUtf8_isReportedOnItsLine() throws Exception {
    byte[] head = "FROM scratch\nLABEL x=".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFE;
    bytes[head.length + 1] = 'y';
    bytes[head.length + 2] = '\n';

    assertThat(bothFailAt(dockerfile(bytes), ":2: ")).contains("invalid UTF-8 byte 0xfe");
  }

  @Test
  void unterminatedHeredoc_pointsAtItsInstruction() throws Exception {
    Path file = dockerfile("FROM scratch\nCOPY . /\nRUN <<EOF\necho never closed\n");

    assertThat(bothFailAt(file, ":3: ")).contains("unterminated heredoc");
  }

  @Test
  void unknownInstruction_isNamedAsWritten() throws Exception {
    Path file = dockerfile("FROM scratch\nCOPPY . /app\n");

    assertThat(bothFailAt(file, ":2: ")).contains("unknown instruction: COPPY");
  }

  @Test
  void unterminatedQuoteInShellForm_isAcceptedLikeDocker() throws Exception {
    // BuildKit hands a shell-form RUN to the shell as written; only the shell would complain.
    Path file = dockerfile("FROM scratch\nRUN echo \"never closed\n");

    assertThat(CliRun.of("analyze", file.toString()).exitCode()).isZero();
    assertThat(CliRun.of("context", file.getParent().toString()).exitCode()).isZero();
  }

  @Test
  void unterminatedJsonArray_fallsBackToShellFormLikeDocker() throws Exception {
    Path file = dockerfile("FROM scratch\nCMD [\"serve\", \"--port\n");

    assertThat(CliRun.of("analyze", file.toString()).exitCode()).isZero();
  }

  @Test
  void fiftyMegabyteDockerfile_finishesQuickly() throws Exception {
    Path dir = temp.resolve("ctx");
    Files.createDirectories(dir);
    Path file = dir.resolve("Dockerfile");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("FROM scratch\n".getBytes(StandardCharsets.US_ASCII));
      byte[] line =
          "LABEL generated.label=\"a value that takes room\"\n".getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < 50L << 20; written += line.length) {
        out.write(line);
      }
    }

    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> CliRun.of("context", dir.toString(), "--format", "json"));

    assertThat(run.exitCode()).as("parsed; stderr: %s", run.err()).isZero();
  }

  @Test
  void fiftyMegabytesOnOneLine_isBuildkitsLineLimitError() throws Exception {
    Path dir = temp.resolve("ctx");
    Files.createDirectories(dir);
    Path file = dir.resolve("Dockerfile");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("FROM scratch\nRUN echo ".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
    }

    String err = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> bothFailAt(file, ":2: "));

    assertThat(err).contains("dockerfile line greater than max allowed size of 65535");
  }

  @Test
  void invalidDockerignorePattern_isReportedByContextWithFileAndLine() throws Exception {
    Path file = dockerfile("FROM scratch\nCOPY . /\n");
    Path ignore = file.resolveSibling(".dockerignore");
    Files.writeString(ignore, "node_modules\n!\n");

    CliRun run = CliRun.of("context", file.getParent().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("layerlab: " + ignore + ":2: a lone \"!\" is not a pattern");
  }
}
