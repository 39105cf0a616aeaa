package dev.layerlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the reference data taken from Docker's own test suites. */
final class PeerData {

  private PeerData() {}

  /** The peer directory; a missing directory fails the test rather than skipping it. */
  static Path dir() {
    String configured = System.getProperty("layerlab.peer.dir");
    Path dir;
    if (configured != null && !configured.isBlank()) {
      dir = Path.of(configured);
    } else {
      String project = System.getProperty("layerlab.project.dir");
      Path root = project != null ? Path.of(project) : Path.of("").toAbsolutePath().getParent();
      dir = root.resolve("../shared/peer");
    }
    dir = dir.toAbsolutePath().normalize();
    assertThat(Files.isDirectory(dir))
        .as(
            "peer reference data directory %s (set -Dlayerlab.peer.dir or place shared/peer"
                + " beside the project)",
            dir)
        .isTrue();
    return dir;
  }

  static Path resolve(String relative) {
    Path path = dir().resolve(relative);
    assertThat(Files.exists(path)).as("peer file %s", path).isTrue();
    return path;
  }
}
