package dev.layerlab.engine;

import java.util.List;
import java.util.Map;

/**
 * The parts of an image's configuration that change what a container does when it starts.
 *
 * @param cmd the default command, empty when none
 * @param entrypoint the entrypoint, empty when none
 * @param env the environment, {@code KEY=VALUE} in the image's order
 * @param workingDir the working directory, empty when unset
 * @param user the user, empty when unset
 * @param exposedPorts the exposed ports ({@code 8000/tcp}), sorted
 */
public record ImageConfig(
    List<String> cmd,
    List<String> entrypoint,
    List<String> env,
    String workingDir,
    String user,
    List<String> exposedPorts) {

  public ImageConfig {
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    env = List.copyOf(env);
    exposedPorts = exposedPorts.stream().sorted().toList();
  }

  /** Each field by its name in {@code docker inspect}, for comparing one by one. */
  public Map<String, Object> fields() {
    return Map.of(
        "Cmd", cmd,
        "Entrypoint", entrypoint,
        "Env", env,
        "WorkingDir", workingDir,
        "User", user,
        "ExposedPorts", exposedPorts);
  }
}
