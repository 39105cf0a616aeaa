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
import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.scenario.ChangePattern;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScratchCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds every variant of a scenario with each builder: cold, then after each change pattern on the
 * warm cache, repeatedly; asks the cache model before each build what it will reuse and records the
 * answer beside the engine's; then times the app's start-up baked into the image, mounted into the
 * base image, and mounted into the image that holds the dependencies; and last, off every timed
 * path, counts the bytes each variant's cold-built image wastes. A build that outlasts {@link
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
  private final List<String> unremoved = new java.util.concurrent.CopyOnWriteArrayList<>();
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
      throws EngineException,
          BuildFailedException,
          IOException,
          ScenarioException,
          DaemonLostException {
    return run(scenario, options, Prior.NONE);
  }

  /**
   * Runs the bench, or the rest of it: the cells {@code prior} holds were measured by an
   * interrupted part of the run and are kept, not built again. What that part left with the run's
   * label is removed first. A variant whose cold build is kept is built once on its cache before
   * its first remaining warm cell (not measured), so that cell finds the cache it would have found.
   *
   * @throws DaemonLostException when the daemon stops answering; what was measured is kept
   */
  public RunResult run(Scenario scenario, BenchOptions options, Prior prior)
      throws EngineException,
          BuildFailedException,
          IOException,
          ScenarioException,
          DaemonLostException {
    VariantPlan.Plans plans = VariantPlan.of(scenario, selectVariants(scenario, options));
    Map<Engine, EngineInfo> infos = new LinkedHashMap<>();
    for (Engine engine : engines.values()) {
      infos.put(engine, engine.info());
    }
    Instant startedAt = prior.startedAt().orElse(clock.instant());
    ShardPlan shard = shardPlan(plans.variants(), scenario, options);
    int total = 0;
    for (EngineInfo info : infos.values()) {
      for (VariantPlan variant : plans.variants()) {
        if (classicCannotBuild(info, variant, scenario).isEmpty()) {
          total += shard.builds(variant.name());
        }
      }
    }
    boolean timeStartups =
        options.startupRuns() > 0 && scenario.startup().isPresent() && shard.runsStartups();
    int startupTotal =
        timeStartups ? options.startupRuns() * StartupTimer.modes(scenario).size() : 0;
    listener.on(
        new BenchEvent.RunStarted(
            options.runId(), scenario.name(), describe(infos), total, startupTotal));

    Run run =
        new Run(
            scenario, options, plans, shard, startedAt, environment(infos, options), total, prior);
    runId = options.runId();
    boolean complete = false;
    try {
      if (!prior.isEmpty()) {
        removeLeftovers(run);
      }
      boolean startupsKept = timeStartups && prior.startups().size() == startupTotal;
      run.needImages = timeStartups && !startupsKept;
      for (Engine engine : engines.values()) {
        EngineInfo info = infos.get(engine);
        for (VariantPlan variant : plans.variants()) {
          if (shard.runsVariant(variant.name()) && !run.skipsOn(info, variant, listener)) {
            benchVariant(run, engine, info, variant);
          }
        }
        run.needImages = false;
      }
      if (startupsKept) {
        run.startups.addAll(prior.startups());
      } else if (timeStartups) {
        Engine first = engines.values().iterator().next();
        String baked =
            run.baselineImages.getOrDefault(
                plans.variants().get(0).name(), run.baselineImages.values().iterator().next());
        String deps = run.baselineImages.getOrDefault(DEPS_FIRST, baked);
        try {
          run.startups.addAll(
              new StartupTimer(first, listener).time(scenario, options, baked, deps, run.labels));
        } catch (EngineException e) {
          if (!answers(first)) {
            throw new DaemonLostException("the start-up timing", run.result(false), e);
          }
          throw e;
        }
      }
      run.images.addAll(new ImageAnalyser(listener, System::nanoTime).analyse(run.cold));
      RunResult result =
          RewriteCheck.verifyAll(
              infos,
              listener,
              created::addAll,
              run.cold.stream().map(ImageAnalyser.Cold::build).toList(),
              run.result(true),
              scenario,
              options,
              plans.variants(),
              run.labels,
              run.buildArgs);
      complete = true;
      return result;
    } finally {
      cleanUp(complete);
    }
  }

  /**
   * Why the classic builder cannot build the variant ({@code RUN --mount} and the like), or empty
   * when it can or the engine is BuildKit.
   */
  static Optional<String> classicCannotBuild(
      EngineInfo info, VariantPlan variant, Scenario scenario) throws IOException {
    if (!info.builder().equals("classic")) {
      return Optional.empty();
    }
    String text =
        variant.generatedText().isPresent()
            ? variant.generatedText().get()
            : Files.readString(scenario.directory().resolve(variant.dockerfile()));
    return BuildKitOnly.reason(text, variant.dockerfile());
  }

  private void benchVariant(Run run, Engine engine, EngineInfo info, VariantPlan variant)
      throws EngineException, IOException, BuildFailedException, DaemonLostException {
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
      Optional<BuildRecord> keptCold = run.prior.find(info.builder(), variant.name(), COLD, 1);
      // A cold build has no recorded state to predict from (what it reuses depends on what the
      // daemon built before the run), so only rebuilds count towards the agreement.
      if (keptCold.isPresent()) {
        run.record(keptCold.get(), List.of());
      } else {
        BuildRecord first = build(run, scratch, cold, true, coldInputs);
        run.record(first, List.of(), cold);
        run.baselineImages.putIfAbsent(variant.name(), first.imageId());
        run.cold.add(new ImageAnalyser.Cold(engine, first));
      }
      boolean warm = keptCold.isEmpty();

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
                      Integer.toString(rep))
                  + run.attempt;
          scratch.apply(pattern, scenario.changes().get(pattern), token);
          BuildInputs inputs = predictor.inputs(scratch.root(), variant.dockerfile(), false);
          List<StepPrediction> predicted = predictor.rebuild(inputs);
          Cell cell = new Cell(engine, info, variant, pattern.id(), rep, ++run.number);
          Optional<BuildRecord> kept =
              run.prior.find(info.builder(), variant.name(), pattern.id(), rep);
          if (kept.isPresent()) {
            run.record(kept.get(), predicted);
            continue;
          }
          if (!warm) {
            rewarm(run, scratch, cell, coldInputs, true);
            scratch.apply(pattern, scenario.changes().get(pattern), token);
            warm = true;
          }
          run.record(build(run, scratch, cell, false, inputs), predicted, cell);
        }
      }
      scratch.reset();
      if (!warm && run.needImages && !run.baselineImages.containsKey(variant.name())) {
        Cell next = new Cell(engine, info, variant, COLD, 1, run.number);
        rewarm(run, scratch, next, coldInputs, false);
      }
    }
  }

  /**
   * Builds the unedited variant on its cache, unmeasured, before the first remaining warm build of
   * a resumed run: the interrupted part's cache may be gone (its images were removed, the daemon
   * restarted), and the warm build must find the cache the cold build left.
   */
  private void rewarm(
      Run run, ScratchCopy scratch, Cell before, BuildInputs coldInputs, boolean beforeACell)
      throws EngineException, IOException, BuildFailedException, DaemonLostException {
    scratch.reset();
    String where = "build " + before.number + " of " + run.total + " (" + before.describe() + ")";
    if (beforeACell) {
      run.resumedAt(where);
    }
    listener.on(
        new BenchEvent.Note(
            "resume: building "
                + before.variant.name()
                + " ("
                + before.info.builder()
                + ") once on its cache "
                + (beforeACell
                    ? "before " + where + ", to warm it"
                    : "for the start-ups and the image analysis, its cold image being gone")
                + "; not measured"));
    Cell warming = new Cell(before.engine, before.info, before.variant, "warm-up", 0, 0);
    BuildRecord warmed = build(run, scratch, warming, false, coldInputs);
    if (warmed.status() != BuildStatus.OK) {
      throw new BuildFailedException(
          "building "
              + before.variant.name()
              + " on its cache before "
              + where
              + " failed: "
              + warmed.error(),
          warmed,
          run.result(false),
          where);
    }
    run.baselineImages.putIfAbsent(before.variant.name(), warmed.imageId());
    // The same Dockerfile on the same context as the cold build the interrupted part made and
    // kept, whose image is gone: its image stands in for the analysis.
    run.cold.add(new ImageAnalyser.Cold(before.engine, warmed));
  }

  /** How many start-ups a whole bench of the scenario times with these options. */
  public static int plannedStartups(Scenario scenario, BenchOptions options) {
    return scenario.startup().isPresent()
        ? options.startupRuns() * StartupTimer.modes(scenario).size()
        : 0;
  }

  /** Removes the containers and images with the run's label that an interrupted part left. */
  private void removeLeftovers(Run run) {
    Engine any = engines.values().iterator().next();
    String id = run.options.runId();
    int containers = any.removeContainers(BenchOptions.RUN_LABEL, id);
    List<String> images = new ArrayList<>(any.labelledImages(BenchOptions.RUN_LABEL, id));
    // The classic builder's step images carry no label. Those the kept builds made (steps not
    // taken from the cache) are the run's; so are their descendants, which include what the build
    // in progress committed when the daemon stopped, and the stopped step containers on them.
    Set<String> made = new LinkedHashSet<>();
    for (BuildRecord build : run.prior.builds()) {
      for (StepRecord step : build.steps()) {
        if (!step.cached() && !step.imageId().isEmpty()) {
          made.add(step.imageId());
        }
      }
    }
    made.addAll(images);
    made.addAll(run.prior.leftoverImages());
    List<String> descendants = made.isEmpty() ? List.of() : any.descendantsOf(made);
    containers += any.removeStoppedContainersOf(concat(made, descendants));
    List<String> all = new ArrayList<>(made);
    all.addAll(descendants);
    List<String> problems = any.removeImages(all);
    listener.on(
        new BenchEvent.Note(
            "resume: keeping "
                + run.prior.builds().size()
                + " builds measured before; removed "
                + (all.size() - problems.size())
                + " images and "
                + containers
                + " containers the interrupted part left"));
    for (String problem : problems) {
      listener.on(new BenchEvent.Note("resume: could not remove image " + problem));
    }
  }

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * Whether the daemon answers, asked twice half a second apart: a daemon that is shutting down may
   * answer once more after it abandoned the build.
   */
  private static boolean answers(Engine engine) {
    if (!engine.answers()) {
      return false;
    }
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    return engine.answers();
  }

  /**
   * @param inputs what the predictor just read of the scratch copy: its context snapshot gives the
   *     classic builder's file list without walking and hashing the context again
   */
  private BuildRecord build(
      Run run, ScratchCopy scratch, Cell cell, boolean noCache, BuildInputs inputs)
      throws EngineException, IOException, DaemonLostException {
    String name = cell.variant.name();
    boolean measured = cell.number > 0;
    if (measured) {
      run.resumedAt("build " + cell.number + " of " + run.total + " (" + cell.describe() + ")");
      listener.on(
          new BenchEvent.BuildStarted(name, cell.change, cell.repetition, cell.number, run.total));
    }
    String dockerfile = cell.variant.dockerfile();
    Map<String, String> labels = new LinkedHashMap<>(run.labels);
    labels.put("dev.layerlab.variant", name);
    BuildOutcome outcome;
    try {
      outcome =
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
    } catch (EngineException e) {
      if (!answers(cell.engine)) {
        throw run.lost(cell, e);
      }
      throw e;
    }
    created.addAll(outcome.createdImages());
    if (outcome.status() != BuildStatus.OK && !answers(cell.engine)) {
      throw run.lost(cell, new EngineException(outcome.error()));
    }
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
    if (measured) {
      listener.on(new BenchEvent.BuildFinished(record, cell.number, run.total));
    }
    return record;
  }

  /**
   * Removes the containers and images this run made, once; safe to call from a shutdown hook while
   * the run is still going.
   */
  /**
   * The images this run made that its clean-up could not remove because Docker did not answer; some
   * carry no label (the classic builder's step images), so a resumption needs their ids.
   */
  public List<String> unremovedImages() {
    return List.copyOf(unremoved);
  }

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
      unremoved.addAll(images);
      listener.on(
          new BenchEvent.Note(
              "clean-up: Docker did not answer ("
                  + e.getMessage()
                  + "); what the run made is labelled "
                  + BenchOptions.RUN_LABEL
                  + "="
                  + id
                  + ": --resume "
                  + id
                  + " removes it, or remove it by hand"));
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

  /**
   * One build to make: which engine, variant, change and repetition; {@code number} counts the
   * run's builds from 1, and is 0 for a build that is not measured.
   */
  private record Cell(
      Engine engine,
      EngineInfo info,
      VariantPlan variant,
      String change,
      int repetition,
      int number) {

    /** For messages, e.g. {@code naive · edit-source #2, classic}. */
    String describe() {
      return variant.name()
          + " · "
          + change
          + (change.equals(COLD) ? "" : " #" + repetition)
          + ", "
          + info.builder();
    }
  }

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
    final Prior prior;
    final String attempt;
    final List<ImageAnalyser.Cold> cold = new ArrayList<>();
    final List<ImageEfficiency> images = new ArrayList<>();
    int number;
    boolean needImages;
    private boolean resumed;

    Run(
        Scenario scenario,
        BenchOptions options,
        VariantPlan.Plans plans,
        ShardPlan shard,
        Instant startedAt,
        Map<String, String> environment,
        int total,
        Prior prior) {
      this.scenario = scenario;
      this.options = options;
      this.plans = plans;
      this.shard = shard;
      this.startedAt = startedAt;
      this.environment = environment;
      this.total = total;
      this.prior = prior;
      // A daemon told to stop may finish the build in progress; its layers carry no label and
      // stay in the cache, so a resumed attempt edits with tokens the interrupted one never used.
      this.attempt =
          prior.isEmpty()
              ? ""
              : "-resumed-"
                  + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
      this.labels =
          Map.of(BenchOptions.RUN_LABEL, options.runId(), "dev.layerlab.scenario", scenario.name());
      this.buildArgs = buildArgs(scenario, options);
    }

    /**
     * Notes, once, where a resumed run took up building again: the first build it makes. The
     * summary says so.
     */
    void resumedAt(String where) {
      if (prior.isEmpty() || resumed) {
        return;
      }
      resumed = true;
      environment.put(
          "resumed",
          "at "
              + where
              + ", keeping the "
              + prior.builds().size()
              + " builds measured before an interruption");
    }

    DaemonLostException lost(Cell cell, Throwable cause) {
      return new DaemonLostException(
          "build " + cell.number + " of " + total + " (" + cell.describe() + ")",
          result(false),
          cause);
    }

    /**
     * Whether the variant is one the classic builder cannot build; if so it is noted in the run's
     * environment and on the listener, and skipped on that builder only.
     */
    boolean skipsOn(EngineInfo info, VariantPlan variant, BenchListener listener)
        throws IOException {
      Optional<String> reason = classicCannotBuild(info, variant, scenario);
      if (reason.isEmpty()) {
        return false;
      }
      String note = variant.name() + " not built with the classic builder: " + reason.get();
      environment.merge(BuildKitOnly.SKIPPED_KEY, note, (a, b) -> a + "; " + b);
      listener.on(new BenchEvent.Note(note));
      return true;
    }

    /** Keeps a build measured before a resumption, and its prediction check. */
    void record(BuildRecord build, List<StepPrediction> predicted) throws BuildFailedException {
      record(build, predicted, null);
    }

    /** Keeps a build and its prediction check; stops the run when the build failed. */
    void record(BuildRecord build, List<StepPrediction> predicted, Cell cell)
        throws BuildFailedException {
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
          result(false),
          cell == null
              ? ""
              : "build " + cell.number + " of " + total + " (" + cell.describe() + ")");
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
          images,
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
