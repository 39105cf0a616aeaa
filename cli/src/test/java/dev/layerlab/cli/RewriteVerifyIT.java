package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewrite --verify} against the real daemon; needs Docker and python:3.11-slim. With {@code
 * PIP_INDEX_URL} set it verifies the python-app scenario's naive Dockerfile (pip needs the
 * network); without it, a fixture of the same shape that installs nothing.
 */
class RewriteVerifyIT {

  private static final String LABEL = "dev.layerlab.run";

  @TempDir Path temp;

  private final String runId = "it-rewrite-" + UUID.randomUUID().toString().substring(0, 8);
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

  @Test
  void naiveDockerfile_rewriteBuildsTheSameImage_andNothingIsLeftBehind() throws Exception {
    String index = System.getenv("PIP_INDEX_URL");
    List<String> args = new ArrayList<>();
    Path dockerfile;
    if (index != null && !index.isBlank()) {
      Path project = Path.of(System.getProperty("layerlab.project.dir", "."));
      Path app = temp.resolve("python-app");
      copyTree(project.resolve("scenarios/python-app"), app);
      dockerfile = app.resolve("Dockerfile.naive");
      args.addAll(List.of("--network", "host", "--build-arg", "PIP_INDEX_URL=" + index));
    } else {
      dockerfile = fixture();
      args.addAll(List.of("--network", "none"));
    }
    Set<String> before = imageIds();

    List<String> all = new ArrayList<>(List.of("rewrite", dockerfile.toString(), "--verify"));
    all.addAll(List.of("--run-id", runId, "-o", temp.resolve("rewritten").toString()));
    all.addAll(args);
    CliRun run = CliRun.of(all.toArray(String[]::new));

    assertThat(run.exitCode()).as("out: %s%nerr: %s", run.out(), run.err()).isZero();
    assertThat(run.out())
        .contains("verified: the rewritten Dockerfile builds the same image (")
        .contains("wrote " + temp.resolve("rewritten"));
    assertThat(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL, runId))
                .exec())
        .as("no export container is left")
        .isEmpty();
    List<String> ours = new ArrayList<>();
    for (String id : imageIds()) {
      if (!before.contains(id) && madeBy(id)) {
        ours.add(id);
      }
    }
    assertThat(ours).as("no image of the run is left, intermediate ones included").isEmpty();
  }

  /** The python-app shape: the whole context, then an install that reads requirements.txt. */
  private Path fixture() throws Exception {
    Path dir = temp.resolve("fixture");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(dir.resolve("requirements.txt"), "# nothing to install\n");
    Files.writeString(dir.resolve("main.py"), "print('" + runId + "')\n");
    Path file = dir.resolve("Dockerfile");
    Files.writeString(
        file,
        "FROM python:3.11-slim\n"
            + "WORKDIR /app\n"
            + "COPY . .\n"
            + "RUN pip install --no-cache-dir --no-index -r requirements.txt && echo "
            + runId
            + "\n"
            + "CMD [\"python\", \"main.py\"]\n");
    return file;
  }

  /** Whether the run made the image: its label, or a step naming the run. */
  private boolean madeBy(String id) {
    try {
      InspectImageResponse image = docker.inspectImageCmd(id).exec();
      Map<String, String> labels = image.getConfig() == null ? null : image.getConfig().getLabels();
      if (labels != null && runId.equals(labels.get(LABEL))) {
        return true;
      }
      String[] cmd =
          image.getContainerConfig() == null ? null : image.getContainerConfig().getCmd();
      return cmd != null && String.join(" ", cmd).contains(runId);
    } catch (NotFoundException gone) {
      return false; // another build on the daemon removed its own image meanwhile
    }
  }

  private Set<String> imageIds() {
    Set<String> ids = new HashSet<>();
    for (Image image : docker.listImagesCmd().withShowAll(true).exec()) {
      ids.add(image.getId());
    }
    return ids;
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
