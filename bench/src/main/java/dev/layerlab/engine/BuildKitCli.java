package dev.layerlab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A docker client that can build with BuildKit, and how to ask it to.
 *
 * <p>A client with the buildx plugin builds with {@code docker buildx build}. A client older than
 * 23 without buildx still has BuildKit built in and uses it when {@code DOCKER_BUILDKIT=1}. A
 * client of 23 or later without buildx cannot use BuildKit at all ("BuildKit is enabled but the
 * buildx component is missing"), so it is passed over.
 *
 * @param executable the docker binary
 * @param version its client version, e.g. {@code 20.10.24+dfsg1}
 * @param buildx whether it builds through {@code docker buildx build}
 */
public record BuildKitCli(Path executable, String version, boolean buildx) {

  /** The first client able to build with BuildKit, read from these candidates in order. */
  public static BuildKitCli find(List<Path> candidates) throws EngineException {
    List<String> passedOver = new ArrayList<>();
    for (Path candidate : candidates) {
      if (!Files.isExecutable(candidate)) {
        continue;
      }
      Output version =
          run(List.of(candidate.toString(), "version", "--format", "{{.Client.Version}}"));
      String clientVersion = version.text().strip().lines().findFirst().orElse("");
      if (clientVersion.isEmpty()) {
        passedOver.add(candidate + " (no version)");
        continue;
      }
      if (run(List.of(candidate.toString(), "buildx", "version")).exitCode() == 0) {
        return new BuildKitCli(candidate, clientVersion, true);
      }
      if (major(clientVersion) > 0 && major(clientVersion) < 23) {
        return new BuildKitCli(candidate, clientVersion, false);
      }
      passedOver.add(candidate + " " + clientVersion + " (no buildx)");
    }
    throw new EngineException(
        "no docker client here can build with BuildKit"
            + (passedOver.isEmpty() ? "" : "; passed over: " + String.join(", ", passedOver))
            + ". Install the buildx plugin (Debian: docker-buildx), or put a docker client older"
            + " than 23 on the PATH");
  }

  /** Every {@code docker} on the PATH in order, then {@code /usr/bin/docker}. */
  public static List<Path> defaultCandidates(Map<String, String> environment) {
    Set<Path> found = new LinkedHashSet<>();
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isBlank()) {
        found.add(Path.of(dir, "docker"));
      }
    }
    found.add(Path.of("/usr/bin/docker"));
    Set<Path> distinct = new LinkedHashSet<>();
    Set<Path> real = new LinkedHashSet<>();
    for (Path p : found) {
      try {
        if (Files.isExecutable(p) && real.add(p.toRealPath())) {
          distinct.add(p);
        }
      } catch (IOException unreadable) {
        // Not a usable candidate.
      }
    }
    return List.copyOf(distinct);
  }

  /** The command that starts a build, before its options. */
  public List<String> buildCommand() {
    return buildx
        ? List.of(executable.toString(), "buildx", "build", "--load")
        : List.of(executable.toString(), "build");
  }

  /** Environment the build command needs. */
  public Map<String, String> buildEnvironment() {
    return buildx ? Map.of() : Map.of("DOCKER_BUILDKIT", "1");
  }

  /** For reports, e.g. {@code /usr/bin/docker 20.10.24 (DOCKER_BUILDKIT=1 docker build)}. */
  public String describe() {
    return executable
        + " "
        + version
        + (buildx ? " (docker buildx build)" : " (DOCKER_BUILDKIT=1 docker build)");
  }

  static int major(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
  }

  /** What a short docker command printed, stdout and stderr together. */
  record Output(int exitCode, String text) {}

  static Output run(List<String> command) throws EngineException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] bytes = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Output(-1, "timed out");
      }
      return new Output(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Output(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while running " + command.get(0), e);
    }
  }
}
