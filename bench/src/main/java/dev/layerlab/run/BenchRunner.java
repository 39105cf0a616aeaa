package dev.layerlab.run;

import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.EngineInfo;
import dev.layerlab.engine.RunOutcome;
import dev.layerlab.engine.RunRequest;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.scenario.ChangePattern;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScratchCopy;
import dev.layerlab.scenario.StartupSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds every variant of a scenario cold, then after each change pattern on the warm cache,
 * repeatedly; then times the app's start-up baked into the image and mounted into the base image.
 * Every image and container it makes is labelled with the run and removed at the end, whatever
 * happens; nothing else is touched.
 */
public final class BenchRunner {

  /** The change name recorded for each variant's first, uncached build. */
  public static final String COLD = "cold";

  private final Engine engine;
  private final BenchListener listener;
  private final Clock clock;
  private final Set<String> created = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
  private final java.util.concurrent.atomic.AtomicBoolean cleaned =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile String runId;

  public BenchRunner(Engine engine, BenchListener listener, Clock clock) {
    this.engine = engine;
    this.listener = listener;
    this.clock = clock;
  }

  public RunResult run(Scenario scenario, BenchOptions options)
      throws EngineException, BuildFailedException, IOException, ScenarioException {
    VariantPlan.Plans plans = VariantPlan.of(scenario, selectVariants(scenario, options));
    List<VariantPlan> variants = plans.variants();
    EngineInfo info = engine.info();
    Instant startedAt = clock.instant();
    ShardPlan shard = shardPlan(variants, scenario, options);
    int total = shard.builds();
    boolean timeStartups =
        options.startupRuns() > 0 && scenario.startup().isPresent() && shard.runsStartups();
    int startupTotal = timeStartups ? options.startupRuns() * modes(scenario).size() : 0;
    listener.on(
        new BenchEvent.RunStarted(
            options.runId(),
            scenario.name(),
            info.engine()
                + " ("
                + info.builder()
                + " builder, Docker "
                + info.serverVersion()
                + ")",
            total,
            startupTotal));

    Map<String, String> environment = environment(info, options);
    Map<String, String> labels =
        Map.of(BenchOptions.RUN_LABEL, options.runId(), "dev.layerlab.scenario", scenario.name());
    Map<String, String> buildArgs = buildArgs(scenario, options);
    runId = options.runId();
    List<BuildRecord> builds = new ArrayList<>();
    List<StartupRecord> startups = new ArrayList<>();
    Map<String, String> baselineImages = new LinkedHashMap<>();
    boolean complete = false;
    try {
      int number = 0;
      for (VariantPlan variant : variants) {
        if (!shard.runsVariant(variant.name())) {
          continue;
        }
        try (ScratchCopy scratch =
            ScratchCopy.of(
                scenario.directory(),
                options.scratchDir(),
                scenario.name() + "-" + variant.name())) {
          variant.materialise(scratch.root());
          Cell cold = new Cell(variant, COLD, 1, ++number, total);
          BuildRecord first = build(scenario, scratch, cold, true, buildArgs, labels, options);
          builds.add(first);
          failIfFailed(
              first, scenario, options, startedAt, environment, builds, startups, plans.advice());
          baselineImages.put(variant.name(), first.imageId());

          for (ChangePattern pattern : scenario.patterns()) {
            for (int rep = 1; rep <= options.repetitions(); rep++) {
              if (!shard.runs(variant.name(), pattern.id(), rep)) {
                continue;
              }
              scratch.reset();
              String token =
                  options.runId() + "-" + variant.name() + "-" + pattern.id() + "-" + rep;
              scratch.apply(pattern, scenario.changes().get(pattern), token);
              Cell cell = new Cell(variant, pattern.id(), rep, ++number, total);
              BuildRecord record =
                  build(scenario, scratch, cell, false, buildArgs, labels, options);
              builds.add(record);
              failIfFailed(
                  record,
                  scenario,
                  options,
                  startedAt,
                  environment,
                  builds,
                  startups,
                  plans.advice());
            }
          }
          scratch.reset();
        }
      }
      if (timeStartups) {
        startups.addAll(timeStartups(scenario, options, baselineImages, labels));
      }
      complete = true;
      return new RunResult(
          options.runId(),
          scenario.name(),
          startedAt,
          environment,
          builds,
          startups,
          plans.advice(),
          true);
    } finally {
      cleanUp(complete);
    }
  }

  /** The builds of this machine's shard; all of them when the bench is not sharded. */
  private static ShardPlan shardPlan(
      List<VariantPlan> variants, Scenario scenario, BenchOptions options) {
    return ShardPlan.of(
        variants.stream().map(VariantPlan::name).toList(),
        scenario.patterns().stream().map(ChangePattern::id).toList(),
        options.repetitions(),
        options.shard());
  }

  private BuildRecord build(
      Scenario scenario,
      ScratchCopy scratch,
      Cell cell,
      boolean noCache,
      Map<String, String> buildArgs,
      Map<String, String> labels,
      BenchOptions options)
      throws EngineException, IOException {
    String name = cell.variant.name();
    listener.on(
        new BenchEvent.BuildStarted(name, cell.change, cell.repetition, cell.number, cell.total));
    String dockerfile = cell.variant.dockerfile();
    List<String> paths = contextPaths(scratch.root(), dockerfile);
    Map<String, String> buildLabels = new LinkedHashMap<>(labels);
    buildLabels.put("dev.layerlab.variant", name);
    BuildOutcome outcome =
        engine.build(
            new BuildRequest(
                scratch.root(),
                paths,
                dockerfile,
                buildArgs,
                buildLabels,
                noCache,
                options.network()));
    created.addAll(outcome.createdImages());
    BuildRecord record =
        new BuildRecord(
            name,
            cell.change,
            "classic",
            cell.repetition,
            outcome.seconds(),
            outcome.contextBytes(),
            outcome.imageBytes(),
            outcome.imageId(),
            outcome.status(),
            outcome.error(),
            outcome.steps().stream()
                .filter(s -> !isRunLabel(s.instruction()))
                .map(s -> s.withLine(cell.variant.lineOfStep(s.index())))
                .toList());
    listener.on(new BenchEvent.BuildFinished(record, cell.number, cell.total));
    return record;
  }

  /**
   * The context the {@code docker} CLI sends to the classic builder: everything the ignore rules
   * keep, plus the Dockerfile and {@code .dockerignore}, which the CLI always sends (the daemon
   * reads them and removes them again when they are ignored).
   */
  static List<String> contextPaths(Path root, String dockerfile) throws IOException {
    IgnoreRules rules;
    try {
      rules = IgnoreRules.forBuild(root, root.resolve(dockerfile), ContextSender.CLASSIC);
    } catch (IgnoreFileException e) {
      throw new IOException(e.getMessage(), e);
    }
    ContextSnapshot snapshot =
        new ContextWalker(rules, SnapshotCache.none(), ContextSender.CLASSIC).snapshot(root);
    TreeSet<String> paths = new TreeSet<>();
    for (ContextEntry entry : snapshot.entries()) {
      paths.add(entry.path());
    }
    for (String always : List.of(dockerfile, ".dockerignore")) {
      if (root.resolve(always).toFile().isFile()) {
        addWithParents(paths, always);
      }
    }
    return List.copyOf(paths);
  }

  private static void addWithParents(TreeSet<String> paths, String path) {
    int slash = -1;
    while ((slash = path.indexOf('/', slash + 1)) >= 0) {
      paths.add(path.substring(0, slash));
    }
    paths.add(path);
  }

  private List<StartupRecord> timeStartups(
      Scenario scenario,
      BenchOptions options,
      Map<String, String> baselineImages,
      Map<String, String> labels)
      throws EngineException, IOException {
    StartupSpec spec = scenario.startup().orElseThrow();
    List<StartupRecord> records = new ArrayList<>();
    String bakedImage = baselineImages.values().iterator().next();
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
                  : mountedRequest(
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

  private static RunRequest mountedRequest(
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

  private static List<String> modes(Scenario scenario) {
    return scenario.startup().flatMap(StartupSpec::mounted).isPresent()
        ? List.of("baked", "mounted")
        : List.of("baked");
  }

  private void failIfFailed(
      BuildRecord record,
      Scenario scenario,
      BenchOptions options,
      Instant startedAt,
      Map<String, String> environment,
      List<BuildRecord> builds,
      List<StartupRecord> startups,
      List<dev.layerlab.measure.VariantAdvice> advice)
      throws BuildFailedException {
    if (record.status() == BuildStatus.OK) {
      return;
    }
    RunResult partial =
        new RunResult(
            options.runId(),
            scenario.name(),
            startedAt,
            environment,
            builds,
            startups,
            advice,
            false);
    String where = scenario.variants().getOrDefault(record.variant(), "rewritten Dockerfile");
    int line = record.steps().isEmpty() ? 0 : record.steps().get(record.steps().size() - 1).line();
    throw new BuildFailedException(
        "build failed: scenario "
            + scenario.name()
            + ", variant "
            + record.variant()
            + " ("
            + where
            + (line > 0 ? " line " + line : "")
            + "), change "
            + record.change()
            + ": "
            + record.error(),
        record,
        partial);
  }

  /**
   * Removes the containers and images this run made, once; safe to call from a shutdown hook while
   * the run is still going.
   */
  public void cleanUp(boolean complete) {
    String id = runId;
    if (id == null || !cleaned.compareAndSet(false, true)) {
      return;
    }
    if (!complete) {
      engine.abort();
    }
    Set<String> all = new LinkedHashSet<>();
    synchronized (created) {
      all.addAll(created);
    }
    all.addAll(engine.createdImages());
    List<String> images = List.copyOf(all);
    int containers;
    List<String> problems;
    try {
      containers = engine.removeContainers(BenchOptions.RUN_LABEL, id);
      problems = engine.removeImages(images);
    } catch (RuntimeException e) {
      listener.on(
          new BenchEvent.Note(
              "clean-up: Docker did not answer ("
                  + e.getMessage()
                  + "); remove what is labelled "
                  + BenchOptions.RUN_LABEL
                  + "="
                  + id
                  + " by hand"));
      return;
    }
    listener.on(
        new BenchEvent.Note(
            "clean-up: removed "
                + (images.size() - problems.size())
                + " images and "
                + containers
                + " containers made by run "
                + id
                + (complete ? "" : " (run stopped early)")));
    for (String problem : problems) {
      listener.on(new BenchEvent.Note("clean-up: could not remove image " + problem));
    }
  }

  private static List<String> selectVariants(Scenario scenario, BenchOptions options) {
    if (options.variants().isEmpty()) {
      return List.copyOf(scenario.variants().keySet());
    }
    for (String v : options.variants()) {
      if (!scenario.variants().containsKey(v)) {
        throw new IllegalArgumentException(
            "scenario "
                + scenario.name()
                + " has no variant '"
                + v
                + "'; it has "
                + String.join(", ", scenario.variants().keySet()));
      }
    }
    return options.variants();
  }

  private static Map<String, String> buildArgs(Scenario scenario, BenchOptions options) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String name : scenario.buildArgsFromEnv()) {
      String value = options.environment().get(name);
      if (value != null && !value.isEmpty()) {
        args.put(name, value);
      }
    }
    args.putAll(options.buildArgs());
    return args;
  }

  private static Map<String, String> environment(EngineInfo info, BenchOptions options) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("engine", info.engine());
    env.put("builder", info.builder());
    env.put("docker_version", info.serverVersion());
    env.put("docker_api", info.apiVersion());
    env.put("docker_os", info.os());
    env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put("java", System.getProperty("java.version"));
    env.put("repetitions", Integer.toString(options.repetitions()));
    env.put("network", options.network());
    env.put("shard", options.shard().toString());
    return env;
  }

  private static boolean isRunLabel(String instruction) {
    return instruction.startsWith("LABEL " + BenchOptions.RUN_LABEL)
        || instruction.startsWith("LABEL dev.layerlab.");
  }

  private record Cell(VariantPlan variant, String change, int repetition, int number, int total) {}
}
