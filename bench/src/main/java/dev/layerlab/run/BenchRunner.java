package dev.layerlab.run;

import dev.layerlab.cache.BuildInputs;
import dev.layerlab.cache.StepPrediction;
import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.ClassicContext;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.EngineInfo;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.scenario.ChangePattern;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScratchCopy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds every variant of a scenario with each builder: cold, then after each change pattern on the
 * warm cache, repeatedly; asks the cache model before each build what it will reuse and records the
 * answer beside the engine's; then times the app's start-up baked into the image, mounted into the
 * base image, and mounted into the image that holds the dependencies. A build that outlasts {@link
 * BenchOptions#buildTimeout()} is cancelled and fails the run. Every image and container it makes
 * is labelled with the run and removed at the end, whatever happens; nothing else is touched.
 */
public final class BenchRunner {

  /** The change name recorded for each variant's first, uncached build. */
  public static final String COLD = "cold";

  /**
   * The variant whose image {@code mounted-deps} start-ups run: the one that installs the
   * dependencies in a layer of their own. Without it (or when another shard builds it) the first
   * variant's image stands in.
   */
  static final String DEPS_FIRST = "deps-first";

  private final Map<String, Engine> engines;
  private final BenchListener listener;
  private final Clock clock;
  private final Set<String> created = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicBoolean cleaned = new AtomicBoolean();
  private volatile String runId;

  /** A runner with one engine, whose builder names the results. */
  public BenchRunner(Engine engine, BenchListener listener, Clock clock) {
    this(Map.of("", engine), listener, clock);
  }

  /**
   * @param engines the engines to build with, by builder name ({@code classic}, {@code buildkit}),
   *     in the order they run; start-ups use the first
   */
  public BenchRunner(Map<String, Engine> engines, BenchListener listener, Clock clock) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("at least one engine is needed");
    }
    this.engines = Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    this.listener = listener;
    this.clock = clock;
  }

  public RunResult run(Scenario scenario, BenchOptions options)
      throws EngineException, BuildFailedException, IOException, ScenarioException {
    VariantPlan.Plans plans = VariantPlan.of(scenario, selectVariants(scenario, options));
    Map<Engine, EngineInfo> infos = new LinkedHashMap<>();
    for (Engine engine : engines.values()) {
      infos.put(engine, engine.info());
    }
    Instant startedAt = clock.instant();
    ShardPlan shard = shardPlan(plans.variants(), scenario, options);
    int total = engines.size() * shard.builds();
    boolean timeStartups =
        options.startupRuns() > 0 && scenario.startup().isPresent() && shard.runsStartups();
    int startupTotal =
        timeStartups ? options.startupRuns() * StartupTimer.modes(scenario).size() : 0;
    listener.on(
        new BenchEvent.RunStarted(
            options.runId(), scenario.name(), describe(infos), total, startupTotal));

    Run run =
        new Run(scenario, options, plans, shard, startedAt, environment(infos, options), total);
    runId = options.runId();
    boolean complete = false;
    try {
      for (Engine engine : engines.values()) {
        EngineInfo info = infos.get(engine);
        for (VariantPlan variant : plans.variants()) {
          if (shard.runsVariant(variant.name()) && !run.skipsOn(info, variant, listener)) {
            benchVariant(run, engine, info, variant);
          }
        }
      }
      if (timeStartups) {
        Engine first = engines.values().iterator().next();
        String baked = run.baselineImages.values().iterator().next();
        String deps = run.baselineImages.getOrDefault(DEPS_FIRST, baked);
        run.startups.addAll(
            new StartupTimer(first, listener).time(scenario, options, baked, deps, run.labels));
      }
      complete = true;
      return run.result(true);
    } finally {
      cleanUp(complete);
    }
  }

  private void benchVariant(Run run, Engine engine, EngineInfo info, VariantPlan variant)
      throws EngineException, IOException, BuildFailedException {
    Scenario scenario = run.scenario;
    BenchOptions options = run.options;
    Predictor predictor = new Predictor(info.builder(), info.serverVersion(), run.buildArgs);
    try (ScratchCopy scratch =
        ScratchCopy.of(
            scenario.directory(),
            options.scratchDir(),
            scenario.name() + "-" + info.builder() + "-" + variant.name())) {
      variant.materialise(scratch.root());
      BuildInputs coldInputs = predictor.inputs(scratch.root(), variant.dockerfile(), true);
      predictor.cold(coldInputs);
      Cell cold = new Cell(engine, info, variant, COLD, 1, ++run.number);
      BuildRecord first = build(run, scratch, cold, true, coldInputs);
      // A cold build has no recorded state to predict from (what it reuses depends on what the
      // daemon built before the run), so only rebuilds count towards the agreement.
      run.record(first, List.of());
      run.baselineImages.putIfAbsent(variant.name(), first.imageId());

      for (ChangePattern pattern : scenario.patterns()) {
        for (int rep = 1; rep <= options.repetitions(); rep++) {
          if (!run.shard.runs(variant.name(), pattern.id(), rep)) {
            continue;
          }
          scratch.reset();
          String token =
              String.join(
                  "-",
                  options.runId(),
                  info.builder(),
                  variant.name(),
                  pattern.id(),
                  Integer.toString(rep));
          scratch.apply(pattern, scenario.changes().get(pattern), token);
          BuildInputs inputs = predictor.inputs(scratch.root(), variant.dockerfile(), false);
          List<StepPrediction> predicted = predictor.rebuild(inputs);
          Cell cell = new Cell(engine, info, variant, pattern.id(), rep, ++run.number);
          run.record(build(run, scratch, cell, false, inputs), predicted);
        }
      }
      scratch.reset();
    }
  }

  /**
   * @param inputs what the predictor just read of the scratch copy: its context snapshot gives the
   *     classic builder's file list without walking and hashing the context again
   */
  private BuildRecord build(
      Run run, ScratchCopy scratch, Cell cell, boolean noCache, BuildInputs inputs)
      throws EngineException, IOException {
    String name = cell.variant.name();
    listener.on(
        new BenchEvent.BuildStarted(name, cell.change, cell.repetition, cell.number, run.total));
    String dockerfile = cell.variant.dockerfile();
    Map<String, String> labels = new LinkedHashMap<>(run.labels);
    labels.put("dev.layerlab.variant", name);
    BuildOutcome outcome =
        cell.engine.build(
            new BuildRequest(
                scratch.root(),
                ClassicContext.paths(inputs.context(), dockerfile),
                dockerfile,
                run.buildArgs,
                labels,
                noCache,
                run.options.network(),
                run.options.buildTimeout()));
    created.addAll(outcome.createdImages());
    List<StepRecord> steps =
        outcome.steps().stream().filter(s -> !isRunLabel(s.instruction())).toList();
    BuildRecord record =
        new BuildRecord(
            name,
            cell.change,
            cell.info.builder(),
            cell.repetition,
            outcome.seconds(),
            outcome.contextBytes(),
            outcome.imageBytes(),
            outcome.imageId(),
            outcome.status(),
            outcome.error(),
            steps);
    listener.on(new BenchEvent.BuildFinished(record, cell.number, run.total));
    return record;
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
    int containers = 0;
    List<String> problems = new ArrayList<>();
    Set<String> images = new LinkedHashSet<>();
    try {
      for (Engine engine : engines.values()) {
        if (!complete) {
          engine.abort();
        }
      }
      synchronized (created) {
        images.addAll(created);
      }
      for (Engine engine : engines.values()) {
        images.addAll(engine.createdImages());
      }
      Engine any = engines.values().iterator().next();
      containers = any.removeContainers(BenchOptions.RUN_LABEL, id);
      problems.addAll(any.removeImages(images));
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

  /** The builds of this machine's shard; all of them when the bench is not sharded. */
  private static ShardPlan shardPlan(
      List<VariantPlan> variants, Scenario scenario, BenchOptions options) {
    return ShardPlan.of(
        variants.stream().map(VariantPlan::name).toList(),
        scenario.patterns().stream().map(ChangePattern::id).toList(),
        options.repetitions(),
        options.shard());
  }

  private static String describe(Map<Engine, EngineInfo> infos) {
    List<String> parts = new ArrayList<>();
    for (EngineInfo info : infos.values()) {
      parts.add(
          info.engine() + " (" + info.builder() + " builder, Docker " + info.serverVersion() + ")");
    }
    return String.join(" and ", parts);
  }

  private static Map<String, String> environment(
      Map<Engine, EngineInfo> infos, BenchOptions options) {
    EngineInfo first = infos.values().iterator().next();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("engine", String.join(", ", infos.values().stream().map(EngineInfo::engine).toList()));
    env.put(
        "builder", String.join(", ", infos.values().stream().map(EngineInfo::builder).toList()));
    env.put("docker_version", first.serverVersion());
    env.put("docker_api", first.apiVersion());
    env.put("docker_os", first.os());
    env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put("java", System.getProperty("java.version"));
    env.put("repetitions", Integer.toString(options.repetitions()));
    env.put("network", options.network());
    env.put("shard", options.shard().toString());
    return env;
  }

  private static boolean isRunLabel(String instruction) {
    return instruction.startsWith("LABEL dev.layerlab.");
  }

  /** One build to make: which engine, variant, change and repetition. */
  private record Cell(
      Engine engine,
      EngineInfo info,
      VariantPlan variant,
      String change,
      int repetition,
      int number) {}

  /** The state of one run as it goes. */
  private static final class Run {
    final Scenario scenario;
    final BenchOptions options;
    final VariantPlan.Plans plans;
    final ShardPlan shard;
    final Instant startedAt;
    final Map<String, String> environment;
    final int total;
    final Map<String, String> labels;
    final Map<String, String> buildArgs;
    final List<BuildRecord> builds = new ArrayList<>();
    final List<PredictionRecord> predictions = new ArrayList<>();
    final List<StartupRecord> startups = new ArrayList<>();
    final Map<String, String> baselineImages = new LinkedHashMap<>();
    int number;

    Run(
        Scenario scenario,
        BenchOptions options,
        VariantPlan.Plans plans,
        ShardPlan shard,
        Instant startedAt,
        Map<String, String> environment,
        int total) {
      this.scenario = scenario;
      this.options = options;
      this.plans = plans;
      this.shard = shard;
      this.startedAt = startedAt;
      this.environment = environment;
      this.total = total;
      this.labels =
          Map.of(BenchOptions.RUN_LABEL, options.runId(), "dev.layerlab.scenario", scenario.name());
      this.buildArgs = buildArgs(scenario, options);
    }

    /**
     * Whether the variant is one the classic builder cannot build; if so it is noted in the run's
     * environment and on the listener, and skipped on that builder only.
     */
    boolean skipsOn(EngineInfo info, VariantPlan variant, BenchListener listener)
        throws IOException {
      if (!info.builder().equals("classic")) {
        return false;
      }
      String text =
          variant.generatedText().isPresent()
              ? variant.generatedText().get()
              : java.nio.file.Files.readString(scenario.directory().resolve(variant.dockerfile()));
      java.util.Optional<String> reason = BuildKitOnly.reason(text, variant.dockerfile());
      if (reason.isEmpty()) {
        return false;
      }
      String note = variant.name() + " not built with the classic builder: " + reason.get();
      environment.merge(BuildKitOnly.SKIPPED_KEY, note, (a, b) -> a + "; " + b);
      listener.on(new BenchEvent.Note(note));
      return true;
    }

    /** Keeps a build and its prediction check; stops the run when the build failed. */
    void record(BuildRecord build, List<StepPrediction> predicted) throws BuildFailedException {
      builds.add(build);
      if (build.status() == BuildStatus.OK) {
        if (!build.change().equals(COLD)) {
          predictions.addAll(Predictor.compare(predicted, build));
        }
        return;
      }
      String where = scenario.variants().getOrDefault(build.variant(), "rewritten Dockerfile");
      int line = build.steps().isEmpty() ? 0 : build.steps().get(build.steps().size() - 1).line();
      throw new BuildFailedException(
          "build failed: scenario "
              + scenario.name()
              + ", variant "
              + build.variant()
              + " ("
              + where
              + (line > 0 ? " line " + line : "")
              + "), "
              + build.builder()
              + " builder, change "
              + build.change()
              + ": "
              + build.error(),
          build,
          result(false));
    }

    RunResult result(boolean complete) {
      return new RunResult(
          options.runId(),
          scenario.name(),
          startedAt,
          environment,
          builds,
          startups,
          plans.advice(),
          predictions,
          complete);
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
  }
}
