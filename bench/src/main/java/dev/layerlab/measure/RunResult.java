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
    boolean complete) {

  public RunResult {
    environment = Map.copyOf(environment);
    builds = List.copyOf(builds);
    startups = List.copyOf(startups);
    advice = List.copyOf(advice);
    predictions = predictions == null ? List.of() : List.copyOf(predictions);
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
    this(runId, scenario, startedAt, environment, builds, startups, advice, List.of(), complete);
  }

  /** The same run with other advice, such as the advice with its rewrites verified. */
  public RunResult withAdvice(List<VariantAdvice> other) {
    return new RunResult(
        runId, scenario, startedAt, environment, builds, startups, other, predictions, complete);
  }
}
