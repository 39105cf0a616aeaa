package dev.layerlab.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container start whose time to readiness is measured.
 *
 * @param image the image to run
 * @param command the command, or empty for the image's own
 * @param workdir the working directory, or empty for the image's own
 * @param env environment variables
 * @param binds host paths and the container paths to mount them at, read-only
 * @param network {@code none} unless the start needs the host's network
 * @param labels labels for the container; layerlab's run label among them
 * @param readyPattern a regular expression matched against each line the app prints
 * @param timeout how long to wait for the ready line
 */
public record RunRequest(
    String image,
    List<String> command,
    Optional<String> workdir,
    Map<String, String> env,
    List<Bind> binds,
    String network,
    Map<String, String> labels,
    String readyPattern,
    Duration timeout) {

  public RunRequest {
    command = List.copyOf(command);
    binds = List.copyOf(binds);
    env = Map.copyOf(env);
    labels = Map.copyOf(labels);
  }

  /** A read-only bind mount. */
  public record Bind(java.nio.file.Path hostPath, String containerPath) {}
}
