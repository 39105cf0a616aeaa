package dev.layerlab.cli;

import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.StartupSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The argument values a bench hands to builds and containers, for the redactor to check. */
final class SecretArgs {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private SecretArgs() {}

  /**
   * Every value a bench passes on: the scenario's build arguments and mounted start-up variables
   * taken from the environment, and the {@code --build-arg} values.
   */
  static Map<String, String> of(
      Scenario scenario, Map<String, String> buildArgs, Map<String, String> environment) {
    Map<String, String> args = new LinkedHashMap<>();
    List<String> fromEnv = new java.util.ArrayList<>(scenario.buildArgsFromEnv());
    scenario.startup().flatMap(StartupSpec::mounted).ifPresent(m -> fromEnv.addAll(m.envFromEnv()));
    for (String name : fromEnv) {
      String value = environment.get(name);
      if (value != null && !value.isEmpty()) {
        args.put(name, value);
      }
    }
    args.putAll(buildArgs);
    return args;
  }

  /** A run id fit for labels, directories and the store, or a failure saying what is allowed. */
  static String checkRunId(String id) {
    if (!RUN_ID.matcher(id).matches()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--run-id '"
              + id
              + "': use up to 100 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    return id;
  }
}
