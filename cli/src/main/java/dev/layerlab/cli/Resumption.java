package dev.layerlab.cli;

import dev.layerlab.run.Prior;
import dev.layerlab.run.Shard;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.store.StoreUrl;
import dev.layerlab.store.StoredShard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stored shard that {@code bench --resume} finishes, and the options it runs with: the run's own,
 * which options given again must agree with.
 *
 * @param stored the shard as far as it got
 * @param options the options to run the rest with
 */
record Resumption(StoredShard stored, StoredOptions options) {

  /**
   * What the command line asked for.
   *
   * @param runId {@code --resume}
   * @param runIdOption {@code --run-id}, or null
   * @param noStore {@code --no-store}
   * @param store {@code --store}, or null for the file beside the reports
   * @param output {@code -o}
   * @param scenarioDir the scenario as given
   * @param given the options as given or defaulted
   * @param givenOptions the names of the options given on the command line
   */
  record Request(
      String runId,
      String runIdOption,
      boolean noStore,
      String store,
      Path output,
      Path scenarioDir,
      StoredOptions given,
      Set<String> givenOptions) {}

  /** The options a stored run fixes. */
  static final List<String> OPTIONS =
      List.of(
          "--builder",
          "--repetitions",
          "--startup-runs",
          "--variant",
          "--network",
          "--build-timeout",
          "--startup-timeout",
          "--build-arg");

  /** What it measured; its start-ups only when all {@code plannedStartups} are there. */
  Prior prior(int plannedStartups) {
    boolean all = plannedStartups > 0 && stored.startups().size() == plannedStartups;
    return new Prior(
        stored.builds(), all ? stored.startups() : List.of(), Optional.of(stored.startedAt()));
  }

  /**
   * Reads the run to resume and takes its options: those the user gave must agree.
   *
   * @throws Failure (bad input) when there is no such run or shard, it is complete, or an option
   *     disagrees; (store error) when the store cannot be read
   */
  static Resumption read(Request r, Scenario scenario, Shard shard) {
    String resumeId = r.runId();
    if (r.noStore()) {
      throw new Failure(
          ExitCodes.BAD_INPUT, "--resume reads the run from the store; leave out --no-store");
    }
    SecretArgs.checkRunId(resumeId);
    if (r.runIdOption() != null && !r.runIdOption().equals(resumeId)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--resume " + resumeId + " names the run; leave out --run-id " + r.runIdOption());
    }
    StoredShard stored = BenchStore.readShard(r.store(), r.output(), resumeId, shard);
    String where = r.store() != null ? StoreUrl.display(StoreUrl.of(r.store())) : "the store";
    if (!stored.scenario().equals(scenario.name())) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "run "
              + resumeId
              + " is a run of scenario "
              + stored.scenario()
              + ", not of "
              + scenario.name()
              + " ("
              + r.scenarioDir()
              + "); give that scenario's directory");
    }
    if (stored.shardCount() != shard.count()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "run "
              + resumeId
              + " is cut into "
              + stored.shardCount()
              + " shard(s); resume one of them with --shard K/"
              + stored.shardCount());
    }
    if (!stored.started()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "shard "
              + shard
              + " of run "
              + resumeId
              + " never started, so there is nothing to resume; run it with --shard "
              + shard
              + " --run-id "
              + resumeId);
    }
    if (stored.complete()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "run "
              + resumeId
              + (shard.isWhole() ? "" : " shard " + shard)
              + " is complete in "
              + where
              + "; nothing to resume (layerlab report --run-id "
              + resumeId
              + " renders it)");
    }
    StoredOptions was;
    try {
      was = StoredOptions.fromMap(stored.options());
    } catch (IllegalArgumentException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "run "
              + resumeId
              + " was stored without the options it ran with ("
              + e.getMessage()
              + "), so it cannot be resumed; run the bench again",
          e);
    }
    List<String> differences = was.differences(r.given(), r.givenOptions());
    if (!differences.isEmpty()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--resume "
              + resumeId
              + " runs the rest of the run with its own options: "
              + String.join("; ", differences)
              + "; leave them out");
    }
    try {
      Map<String, String> args = was.buildArgsWith(r.given().buildArgs());
      return new Resumption(
          stored,
          new StoredOptions(
              was.builder(),
              was.repetitions(),
              was.startupRuns(),
              was.variants(),
              was.network(),
              was.buildTimeout(),
              was.startupTimeout(),
              args));
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCodes.BAD_INPUT, "--resume " + resumeId + ": " + e.getMessage(), e);
    }
  }
}
