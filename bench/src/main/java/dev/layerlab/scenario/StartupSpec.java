package dev.layerlab.scenario;

import java.util.List;
import java.util.Optional;

/**
 * How to start a scenario's application and tell that it is ready.
 *
 * @param readyPattern a regular expression matched against each output line
 * @param mounted how to run the code mounted into a base image, if the scenario says
 * @param mountedDeps how to mount the code into the image that holds the dependencies, if the
 *     scenario says; without it the whole project is mounted over {@code mounted}'s workdir
 */
public record StartupSpec(
    String readyPattern, Optional<MountedSpec> mounted, Optional<MountedDepsSpec> mountedDeps) {

  /** A spec without a {@code mounted-deps} section. */
  public StartupSpec(String readyPattern, Optional<MountedSpec> mounted) {
    this(readyPattern, mounted, Optional.empty());
  }

  /**
   * How {@code mounted-deps} mounts the code when the scenario does not say: the whole project over
   * the working directory, with the image's own command.
   */
  public Optional<MountedDepsSpec> mountedDepsOrDefault() {
    return mountedDeps.or(
        () -> mounted.map(m -> new MountedDepsSpec(m.workdir(), List.of(), Optional.empty())));
  }

  /**
   * The manual approach: the project directory mounted into a plain base image, with the
   * dependencies installed by the start command.
   *
   * @param image the base image to run
   * @param workdir where the project is mounted
   * @param command a shell command run with {@code sh -c}
   * @param envFromEnv names of variables passed in from layerlab's environment when set
   */
  public record MountedSpec(String image, String workdir, String command, List<String> envFromEnv) {
    public MountedSpec {
      envFromEnv = List.copyOf(envFromEnv);
    }
  }

  /**
   * The code mounted into the image built with the dependencies. An image that keeps its
   * dependencies inside the working directory ({@code node_modules}, a built jar) would lose them
   * under a mount of the whole project, so the scenario names the paths to mount instead.
   *
   * @param workdir the working directory the paths are mounted under
   * @param paths project paths (relative, '/'-separated) each mounted read-only at {@code
   *     workdir/path}; empty mounts the whole project at {@code workdir}
   * @param command a shell command run with {@code sh -c}, or empty for the image's own
   */
  public record MountedDepsSpec(String workdir, List<String> paths, Optional<String> command) {
    public MountedDepsSpec {
      paths = List.copyOf(paths);
    }
  }
}
