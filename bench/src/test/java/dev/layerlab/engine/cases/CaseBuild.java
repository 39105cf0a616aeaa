package dev.layerlab.engine.cases;

import dev.layerlab.cache.MissCause;
import dev.layerlab.cache.StepPrediction;
import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.ClassicContext;
import dev.layerlab.engine.Engine;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.run.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds one cache case with one builder: writes the fixture into a fresh directory, builds it,
 * applies the change, builds again, and records both builds' steps.
 *
 * <p>Every fixture starts with a step unique to the test run, so neither builder can answer from a
 * cache an earlier run left behind (BuildKit's cache outlives the images it built).
 */
public final class CaseBuild {

  /** Writes or changes files in a fixture directory. */
  @FunctionalInterface
  public interface FixtureStep {
    void apply(Path dir) throws Exception;
  }

  /**
   * One cache case.
   *
   * @param id short identifier, e.g. {@code 01-copy-all-before-install}
   * @param setup writes the fixture, Dockerfile included
   * @param change what happens between the two builds
   * @param argsBefore build args of the first build
   * @param argsAfter build args of the second build
   * @param network the network RUN steps get
   */
  public record Case(
      String id,
      FixtureStep setup,
      FixtureStep change,
      Map<String, String> argsBefore,
      Map<String, String> argsAfter,
      String network) {

    public static Case of(String id, FixtureStep setup, FixtureStep change) {
      return new Case(id, setup, change, Map.of(), Map.of(), "none");
    }

    public Case withArgs(Map<String, String> before, Map<String, String> after) {
      return new Case(id, setup, change, before, after, network);
    }

    public Case withNetwork(String name) {
      return new Case(id, setup, change, argsBefore, argsAfter, name);
    }
  }

  private final Engine engine;
  private final String builder;
  private final String engineVersion;
  private final Path workDir;
  private final Map<String, String> labels;
  private final List<String> created = new ArrayList<>();

  /**
   * @param builder {@code classic} or {@code buildkit}; the classic builder is sent the context the
   *     docker CLI would send, and its steps are matched to lines by position
   * @param workDir where fixtures are written, one directory per case and builder
   * @param labels labels for every image built
   */
  public CaseBuild(
      Engine engine,
      String builder,
      String engineVersion,
      Path workDir,
      Map<String, String> labels) {
    this.engine = engine;
    this.builder = builder;
    this.engineVersion = engineVersion;
    this.workDir = workDir;
    this.labels = Map.copyOf(labels);
  }

  /** Images the builds created so far, for clean-up. */
  public List<String> createdImages() {
    return List.copyOf(created);
  }

  /**
   * The cache model's prediction for a case's second build, beside what the builder did.
   *
   * @param steps step by step, for a case whose builds succeeded
   * @param predictedFailure the model's reason why the build fails, or empty
   * @param observedError the builder's error, or empty
   */
  public record ModelCheck(
      String caseId,
      String builder,
      List<PredictionRecord> steps,
      String predictedFailure,
      String observedError) {

    /** Steps whose outcome the model leaves to the build (a remote file's content, say). */
    public List<PredictionRecord> conditional() {
      return steps.stream().filter(p -> p.cause().contains("checked at build")).toList();
    }

    public List<PredictionRecord> wrong() {
      return steps.stream().filter(p -> !p.agrees() && !conditional().contains(p)).toList();
    }

    public boolean agrees() {
      return predictedFailure.isEmpty() == observedError.isEmpty() && wrong().isEmpty();
    }
  }

  private final List<ModelCheck> checks = new ArrayList<>();

  /** The model's predictions for every case run so far, beside the builder's answers. */
  public List<ModelCheck> checks() {
    return List.copyOf(checks);
  }

  /** Builds the case before and after its change, and checks the cache model against it. */
  public CaseObservation run(Case c, List<String> notes) throws Exception {
    Path dir = Files.createDirectories(workDir.resolve(c.id() + "-" + builder));
    c.setup().apply(dir);
    Predictor predictor = new Predictor(builder, engineVersion.split(" ")[0], c.argsBefore());
    List<StepPrediction> first = predictor.cold(predictor.inputs(dir, "Dockerfile", false));

    BuildOutcome before = build(dir, c.argsBefore(), c.network());
    if (before.status() != BuildStatus.OK) {
      checks.add(new ModelCheck(c.id(), builder, List.of(), failure(first), before.error()));
      return new CaseObservation(
          c.id(), builder, engineVersion, before.steps(), List.of(), before.error(), notes);
    }
    c.change().apply(dir);
    Predictor changed = predictor.withBuildArgs(c.argsAfter());
    List<StepPrediction> predicted = changed.rebuild(changed.inputs(dir, "Dockerfile", false));
    BuildOutcome after = build(dir, c.argsAfter(), c.network());
    BuildRecord record =
        new BuildRecord(
            c.id(),
            "change",
            builder,
            1,
            after.seconds(),
            0,
            after.imageBytes(),
            after.imageId(),
            after.status(),
            after.error(),
            after.steps().stream()
                .filter(s -> !s.instruction().startsWith("LABEL " + "dev.layerlab"))
                .toList());
    checks.add(
        new ModelCheck(
            c.id(),
            builder,
            after.status() == BuildStatus.OK ? Predictor.compare(predicted, record) : List.of(),
            failure(predicted),
            after.status() == BuildStatus.OK ? "" : after.error()));
    return new CaseObservation(
        c.id(),
        builder,
        engineVersion,
        before.steps(),
        after.steps(),
        after.status() == BuildStatus.OK ? "" : "after the change: " + after.error(),
        notes);
  }

  private static String failure(List<StepPrediction> predicted) {
    return predicted.stream()
        .flatMap(p -> p.cause().stream())
        .filter(
            c -> c.kind() == MissCause.Kind.BUILD_FAILS || c.kind() == MissCause.Kind.UNSUPPORTED)
        .map(MissCause::sentence)
        .findFirst()
        .orElse("");
  }

  private BuildOutcome build(Path dir, Map<String, String> args, String network) throws Exception {
    List<String> paths =
        builder.equals("classic") ? ClassicContext.paths(dir, "Dockerfile") : List.of();
    BuildOutcome outcome =
        engine.build(new BuildRequest(dir, paths, "Dockerfile", args, labels, false, network));
    created.addAll(outcome.createdImages());
    if (!outcome.imageId().isEmpty()) {
      created.add(outcome.imageId());
    }
    return outcome;
  }
}
