package dev.layerlab.run;

import dev.layerlab.engine.BuildRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a bench.
 *
 * @param runId names the run; every image and container it makes carries it as a label
 * @param repetitions builds per variant and change pattern
 * @param startupRuns start-ups per mode; 0 skips start-up timing
 * @param buildArgs {@code --build-arg} values, on top of those the scenario takes from the
 *     environment
 * @param environment the variables the scenario's {@code build-args-from-env} and {@code
 *     env-from-env} are read from
 * @param variants the variants to build, all when empty
 * @param network the network {@code RUN} steps and mounted start-ups use
 * @param scratchDir where scratch copies and context archives live during the run
 * @param startupTimeout how long a start-up may take before it counts as failed
 * @param shard the slice of the bench this machine runs ({@link Shard#ALL} for the whole bench)
 * @param buildTimeout how long one build may take before it is cancelled and counts as failed
 */
public record BenchOptions(
    String runId,
    int repetitions,
    int startupRuns,
    Map<String, String> buildArgs,
    Map<String, String> environment,
    List<String> variants,
    String network,
    Path scratchDir,
    Duration startupTimeout,
    Shard shard,
    Duration buildTimeout) {

  public static final String RUN_LABEL = "dev.layerlab.run";

  public BenchOptions {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
    }
    if (startupRuns < 0) {
      throw new IllegalArgumentException("start-up runs cannot be negative, was " + startupRuns);
    }
    buildArgs = Map.copyOf(buildArgs);
    environment = Map.copyOf(environment);
    variants = List.copyOf(variants);
    java.util.Objects.requireNonNull(shard, "shard");
    if (buildTimeout.isNegative() || buildTimeout.isZero()) {
      throw new IllegalArgumentException(
          "the build timeout must be positive, was " + buildTimeout.toSeconds() + " s");
    }
  }

  /** Options whose builds may take the default {@link BuildRequest#DEFAULT_TIMEOUT}. */
  public BenchOptions(
      String runId,
      int repetitions,
      int startupRuns,
      Map<String, String> buildArgs,
      Map<String, String> environment,
      List<String> variants,
      String network,
      Path scratchDir,
      Duration startupTimeout,
      Shard shard) {
    this(
        runId,
        repetitions,
        startupRuns,
        buildArgs,
        environment,
        variants,
        network,
        scratchDir,
        startupTimeout,
        shard,
        BuildRequest.DEFAULT_TIMEOUT);
  }

  /** The options of a bench that runs whole on one machine. */
  public BenchOptions(
      String runId,
      int repetitions,
      int startupRuns,
      Map<String, String> buildArgs,
      Map<String, String> environment,
      List<String> variants,
      String network,
      Path scratchDir,
      Duration startupTimeout) {
    this(
        runId,
        repetitions,
        startupRuns,
        buildArgs,
        environment,
        variants,
        network,
        scratchDir,
        startupTimeout,
        Shard.ALL);
  }
}
