package dev.layerlab.measure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run of one scenario measured, plus the facts needed to read it.
 *
 * @param runId the run's identifier; every image and container the run made carries it as a label
 * @param scenario the scenario's name
 * @param startedAt when the run began
 * @param environment facts about the machine and Docker (versions, builder, cores)
 * @param builds every build in the order it ran
 * @param startups every start-up measurement
 * @param advice what the rules said about each variant, and how rewrites were measured
 * @param predictions the cache model's answer for every step of every build, beside the engine's
 * @param images the wasted bytes and efficiency of each variant's cold-built image, per builder
 * @param complete false when the run stopped early (a failed build, an interruption)
 */
public record RunResult(
    String runId,
    String scenario,
    Instant startedAt,
    Map<String, String> environment,
    List<BuildRecord> builds,
    List<StartupRecord> startups,
    List<VariantAdvice> advice,
    List<PredictionRecord> predictions,
    List<ImageEfficiency> images,
    boolean complete) {

  public RunResult {
    environment = Map.copyOf(environment);
    builds = List.copyOf(builds);
    startups = List.copyOf(startups);
    advice = List.copyOf(advice);
    predictions = predictions == null ? List.of() : List.copyOf(predictions);
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** A run whose images were not analysed, as runs made before the analysis existed. */
  public RunResult(
      String runId,
      String scenario,
      Instant startedAt,
      Map<String, String> environment,
      List<BuildRecord> builds,
      List<StartupRecord> startups,
      List<VariantAdvice> advice,
      List<PredictionRecord> predictions,
      boolean complete) {
    this(
        runId,
        scenario,
        startedAt,
        environment,
        builds,
        startups,
        advice,
        predictions,
        List.of(),
        complete);
  }

  /** This run with {@code analysed} as its image analyses. */
  public RunResult withImages(List<ImageEfficiency> analysed) {
    return new RunResult(
        runId,
        scenario,
        startedAt,
        environment,
        builds,
        startups,
        advice,
        predictions,
        analysed,
        complete);
  }

  /** A run without predictions, as runs made before the cache model was checked have. */
  public RunResult(
      String runId,
      String scenario,
      Instant startedAt,
      Map<String, String> environment,
      List<BuildRecord> builds,
      List<StartupRecord> startups,
      List<VariantAdvice> advice,
      boolean complete) {
    this(
        runId,
        scenario,
        startedAt,
        environment,
        builds,
        startups,
        advice,
        List.of(),
        List.of(),
        complete);
  }
}
