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
 * with the code mounted read-only (the project over the working directory, or the paths the
 * scenario names) and the image's own command or the scenario's, without a network: dependencies
 * installed, code mounted.
 */
final class StartupTimer {

  private final Engine engine;
  private final BenchListener listener;

  StartupTimer(Engine engine, BenchListener listener) {
    this.engine = engine;
    this.listener = listener;
  }

  static List<String> modes(Scenario scenario) {
    return scenario.startup().map(StartupTimer::modes).orElse(List.of(BAKED));
  }

  /**
   * {@code baked} always; {@code mounted} with a {@code mounted} section; {@code mounted-deps} with
   * either that or a {@code mounted-deps} section.
   */
  static List<String> modes(StartupSpec spec) {
    List<String> modes = new ArrayList<>(List.of(BAKED));
    spec.mounted().ifPresent(m -> modes.add(MOUNTED));
    spec.mountedDepsOrDefault().ifPresent(m -> modes.add(MOUNTED_DEPS));
    return List.copyOf(modes);
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
                        List.of(),
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
                        spec.mountedDepsOrDefault().orElseThrow(),
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
   * The code mounted into an image that already holds the dependencies, without a network. By
   * default the whole project goes over the working directory, which suits an image that keeps its
   * dependencies outside it (Python's site-packages); an image that keeps them inside ({@code
   * node_modules}, a built jar) would lose them, so its scenario names the paths to mount, each at
   * its place under the working directory, and may give the command that starts the app from them.
   */
  static RunRequest mountedDeps(
      String image,
      StartupSpec.MountedDepsSpec deps,
      Path code,
      BenchOptions options,
      Map<String, String> labels,
      String ready) {
    String workdir = deps.workdir().replaceAll("/+$", "");
    List<RunRequest.Bind> binds = new ArrayList<>();
    if (deps.paths().isEmpty()) {
      binds.add(new RunRequest.Bind(code, deps.workdir()));
    }
    for (String path : deps.paths()) {
      binds.add(new RunRequest.Bind(code.resolve(path), workdir + "/" + path));
    }
    return new RunRequest(
        image,
        deps.command().map(c -> List.of("sh", "-c", c)).orElse(List.of()),
        Optional.of(deps.workdir()),
        Map.of(),
        binds,
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
        List.of(new RunRequest.Bind(code, mounted.workdir())),
        options.network(),
        labels,
        ready,
        options.startupTimeout());
  }
}
