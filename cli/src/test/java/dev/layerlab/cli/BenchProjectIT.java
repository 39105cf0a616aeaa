package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --project} on a small generated project with a real {@code .git}, against the real
 * daemon; needs python:3.11-slim and no network (the install reads a requirements file that names
 * no package).
 */
class BenchProjectIT {

  @TempDir Path temp;

  private final String runId = "it-project-" + UUID.randomUUID().toString().substring(0, 8);
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

  static Path smallProject(Path dir) throws Exception {
    write(
        dir,
        "Dockerfile",
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\n"
            + "RUN pip install --no-cache-dir -r requirements.txt\n"
            + "RUN python -m compileall -q app\nCMD [\"python\", \"app/main.py\"]\n");
    write(dir, "requirements.txt", "# no third-party packages\n");
    write(dir, "app/main.py", "print('demo ready')\n");
    write(dir, "app/settings.yaml", "debug: false\n");
    write(dir, "README.md", "# demo\n");
    write(dir, "build/out.txt", "generated\n");
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "-c", "user.name=IT", "-c", "user.email=it@example.invalid", "commit", "-qm", "one");
    return dir;
  }

  @Test
  void benchesTheProjectOnACopy_writesTheReport_andLeavesTheProjectByteIdentical()
      throws Exception {
    Path project = smallProject(Files.createDirectories(temp.resolve("demo")));
    String before = digest(project);
    Path out = temp.resolve("reports");

    CliRun run =
        CliRun.of(
            "bench",
            "--project",
            project.toString(),
            "-r",
            "1",
            "--network",
            "none",
            "--no-store",
            "--run-id",
            runId,
            "-o",
            out.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .contains("edit-source  app/main.py: ")
        .contains("edit-deps    requirements.txt: ")
        .contains("edit-config  app/settings.yaml: ")
        .contains("edit-docs    README.md: ")
        .contains("edit-git     .git: ");
    Path report = out.resolve("demo").resolve(runId);
    for (String file :
        List.of("results.csv", "results.json", "summary.md", "report.html", "cells.csv")) {
      assertThat(report.resolve(file)).as(file).isRegularFile();
    }
    String csv = Files.readString(report.resolve("results.csv"));
    assertThat(csv)
        .contains(",dockerfile,edit-git,")
        .contains(",dockerfile-rewritten,edit-source,");
    assertThat(digest(project)).as("the project, .git included, is unchanged").isEqualTo(before);
    assertThat(
            docker
                .listImagesCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.layerlab.run", runId))
                .exec())
        .as("the run's images are removed")
        .isEmpty();
  }

  static void write(Path root, String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  static void git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), text).isZero();
  }

  /** Every path, its content and permissions, in order. */
  static String digest(Path root) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted().toList()) {
        sha.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        if (Files.isRegularFile(p)) {
          sha.update(Files.readAllBytes(p));
          sha.update(
              java.nio.file.attribute.PosixFilePermissions.toString(
                      Files.getPosixFilePermissions(p))
                  .getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 1);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
