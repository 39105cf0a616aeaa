package dev.layerlab.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One image build.
 *
 * @param contextDir the build context directory
 * @param contextPaths the context's entries to send (relative, '/'-separated, parents before
 *     children), already filtered by the ignore rules; used by the classic builder, which is sent
 *     an archive of them. BuildKit engines hand the docker CLI the directory itself, which applies
 *     {@code .dockerignore} as BuildKit does, and leave this list unused
 * @param dockerfile the Dockerfile's path relative to the context directory
 * @param buildArgs {@code --build-arg} values
 * @param labels labels for the image; layerlab's run label among them
 * @param noCache build without the cache
 * @param network the network {@code RUN} steps use ({@code host} or {@code none})
 * @param timeout how long the build may take; a longer one is cancelled and reported failed
 */
public record BuildRequest(
    Path contextDir,
    List<String> contextPaths,
    String dockerfile,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    boolean noCache,
    String network,
    Duration timeout) {

  /** The time a build may take when the request does not say. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  public BuildRequest {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a build timeout must be positive, was " + timeout);
    }
    contextPaths = List.copyOf(contextPaths);
    buildArgs = Map.copyOf(buildArgs);
    labels = Map.copyOf(labels);
  }

  /** A build that may take {@link #DEFAULT_TIMEOUT}. */
  public BuildRequest(
      Path contextDir,
      List<String> contextPaths,
      String dockerfile,
      Map<String, String> buildArgs,
      Map<String, String> labels,
      boolean noCache,
      String network) {
    this(
        contextDir, contextPaths, dockerfile, buildArgs, labels, noCache, network, DEFAULT_TIMEOUT);
  }

  /** How a build cancelled at {@link #timeout()} is reported. */
  public String timedOutMessage() {
    return "timed out after " + timeout.toSeconds() + " s";
  }
}
