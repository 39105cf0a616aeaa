package dev.layerlab.scenario;

import java.util.List;
import java.util.Optional;

/**
 * How to start a scenario's application and tell that it is ready.
 *
 * @param readyPattern a regular expression matched against each output line
 * @param mounted how to run the code mounted into a base image, if the scenario says
 */
public record StartupSpec(String readyPattern, Optional<MountedSpec> mounted) {

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
}
