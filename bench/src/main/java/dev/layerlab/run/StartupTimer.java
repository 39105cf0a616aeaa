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
 * Times the app's start-up, alternating modes so that drift on the machine touches all alike:
 * {@code baked} runs the built image without a network; {@code mounted} runs the base image with
 * the project mounted read-only and the scenario's install-then-start command; {@code mounted-deps}
 * runs the image built with the dependencies (the deps-first variant's, when the scenario has one)
 * with the project mounted read-only over the same directory and the image's own command, without a
 * network: dependencies installed, code mounted.
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
        ? List.of(BAKED, MOUNTED, MOUNTED_DEPS)
        : List.of(BAKED);
  }

  static final String BAKED = "baked";
  static final String MOUNTED = "mounted";
  static final String MOUNTED_DEPS = "mounted-deps";

  /**
   * @param bakedImage the image {@code baked} runs
   * @param depsImage the image {@code mounted-deps} mounts the code into
   */
  List<StartupRecord> time(
      Scenario scenario,
      BenchOptions options,
      String bakedImage,
      String depsImage,
      Map<String, String> labels)
      throws EngineException, IOException {
    StartupSpec spec = scenario.startup().orElseThrow();
    List<StartupRecord> records = new ArrayList<>();
    try (ScratchCopy scratch =
        ScratchCopy.of(scenario.directory(), options.scratchDir(), scenario.name() + "-mounted")) {
      for (int rep = 1; rep <= options.startupRuns(); rep++) {
        for (String mode : modes(scenario)) {
          RunRequest request =
              switch (mode) {
                case BAKED ->
                    new RunRequest(
                        bakedImage,
                        List.of(),
                        Optional.empty(),
                        Map.of(),
                        Optional.empty(),
                        "none",
                        labels,
                        spec.readyPattern(),
                        options.startupTimeout());
                case MOUNTED ->
                    mounted(
                        spec.mounted().orElseThrow(),
                        scratch.root(),
                        options,
                        labels,
                        spec.readyPattern());
                default ->
                    mountedDeps(
                        depsImage,
                        spec.mounted().orElseThrow().workdir(),
                        scratch.root(),
                        options,
                        labels,
                        spec.readyPattern());
              };
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

  /**
   * The code mounted over the workdir of an image that already holds the dependencies. Where an
   * image keeps its dependencies outside that directory (Python's site-packages) they stay visible;
   * where it keeps them inside (node_modules, a built jar) the mount hides them and the start-up
   * fails, which is recorded as such.
   */
  static RunRequest mountedDeps(
      String image,
      String workdir,
      Path code,
      BenchOptions options,
      Map<String, String> labels,
      String ready) {
    return new RunRequest(
        image,
        List.of(),
        Optional.of(workdir),
        Map.of(),
        Optional.of(new RunRequest.Bind(code, workdir)),
        "none",
        labels,
        ready,
        options.startupTimeout());
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
