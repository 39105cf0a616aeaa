package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewrite --verify} of the java-app scenario's naive Dockerfile, whose rewrite adds {@code
 * mvn dependency:go-offline}: the rewrite's image holds more files in Maven's local repository, and
 * only there. Needs Docker, {@code maven:3.8-eclipse-temurin-17} (skipped without it: only the seed
 * scenario's base image is made by default) and Maven Central through the host's network; about two
 * minutes.
 */
class RewriteVerifyMavenIT {

  private static final String BASE = "maven:3.8-eclipse-temurin-17";

  @TempDir Path temp;

  @Test
  void javaAppNaive_addedGoOffline_verifiesWithItsFetchesAsTheirOwnGroup() throws Exception {
    assumeTrue(hasImage(BASE), BASE + " is not on the daemon");
    Path project = Path.of(System.getProperty("layerlab.project.dir", "."));
    Path app = temp.resolve("java-app");
    copyTree(project.resolve("scenarios/java-app"), app);
    String runId = "it-rewrite-mvn-" + UUID.randomUUID().toString().substring(0, 8);

    CliRun run =
        CliRun.of(
            "rewrite",
            app.resolve("Dockerfile.naive").toString(),
            "--verify",
            "--network",
            "host",
            "--run-id",
            runId,
            "-o",
            temp.resolve("rewritten").toString());

    assertThat(run.exitCode()).as("out: %s%nerr: %s", run.out(), run.err()).isZero();
    assertThat(run.out())
        .contains("+RUN mvn -q -B dependency:go-offline")
        .containsPattern(
            "\\d+ because fetched by the added dependency-only step \\(RUN mvn -q -B"
                + " dependency:go-offline\\), only inside the package manager's local repository")
        .contains("verified: the rewritten Dockerfile builds the same image (");
    try (DockerClient docker = docker()) {
      assertThat(
              docker
                  .listImagesCmd()
                  .withShowAll(true)
                  .withLabelFilter(Map.of("dev.layerlab.run", runId))
                  .exec())
          .as("no image of the run is left")
          .isEmpty();
    }
  }

  private static boolean hasImage(String name) throws Exception {
    try (DockerClient docker = docker()) {
      docker.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static DockerClient docker() {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    return DockerClientImpl.getInstance(
        config, new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }

  private static void copyTree(Path source, Path target) throws Exception {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
