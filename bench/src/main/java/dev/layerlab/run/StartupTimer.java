package dev.layerlab.run;

import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.RunOutcome;
import dev.layerlab.engine.RunRequest;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScratchCopy;
import dev.layerlab.scenario.StartupSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times the app's start-up, alternating modes so that drift on the machine touches both alike:
 * {@code baked} runs the built image without a network; {@code mounted} runs the base image with
 * the project mounted read-only and the scenario's install-then-start command.
 */
final class StartupTimer {

  private final Engine engine;
  private final BenchListener listener;

  StartupTimer(Engine engine, BenchListener listener) {
    this.engine = engine;
    this.listener = listener;
  }

  static List<String> modes(Scenario scenario) {
    return scenario.startup().flatMap(StartupSpec::mounted).isPresent()
        ? List.of("baked", "mounted")
        : List.of("baked");
  }

  List<StartupRecord> time(
      Scenario scenario, BenchOptions options, String bakedImage, Map<String, String> labels)
      throws EngineException, IOException {
    StartupSpec spec = scenario.startup().orElseThrow();
    List<StartupRecord> records = new ArrayList<>();
    try (ScratchCopy scratch =
        ScratchCopy.of(scenario.directory(), options.scratchDir(), scenario.name() + "-mounted")) {
      for (int rep = 1; rep <= options.startupRuns(); rep++) {
        for (String mode : modes(scenario)) {
          RunRequest request =
              mode.equals("baked")
                  ? new RunRequest(
                      bakedImage,
                      List.of(),
                      Optional.empty(),
                      Map.of(),
                      Optional.empty(),
                      "none",
                      labels,
                      spec.readyPattern(),
                      options.startupTimeout())
                  : mounted(
                      spec.mounted().orElseThrow(),
                      scratch.root(),
                      options,
                      labels,
                      spec.readyPattern());
          RunOutcome outcome = engine.runUntilReady(request);
          StartupRecord record =
              new StartupRecord(
                  mode,
                  rep,
                  outcome.seconds(),
                  outcome.ready() ? BuildStatus.OK : BuildStatus.FAILED,
                  outcome.detail());
          records.add(record);
          listener.on(new BenchEvent.StartupFinished(record));
        }
      }
    }
    return records;
  }

  private static RunRequest mounted(
      StartupSpec.MountedSpec mounted,
      Path code,
      BenchOptions options,
      Map<String, String> labels,
      String ready) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : mounted.envFromEnv()) {
      String value = options.environment().get(name);
      if (value != null && !value.isEmpty()) {
        env.put(name, value);
      }
    }
    return new RunRequest(
        mounted.image(),
        List.of("sh", "-c", mounted.command()),
        Optional.of(mounted.workdir()),
        env,
        Optional.of(new RunRequest.Bind(code, mounted.workdir())),
        options.network(),
        labels,
        ready,
        options.startupTimeout());
  }
}
