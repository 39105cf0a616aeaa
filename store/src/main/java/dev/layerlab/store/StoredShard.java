package dev.layerlab.store;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.StartupRecord;
import java.util.List;
import java.util.Map;

/**
 * One shard of a stored run as a resumed bench needs it.
 *
 * @param scenario the run's scenario
 * @param startedAt when the run began
 * @param shardCount how many shards the run was cut into
 * @param started whether this shard began at all
 * @param complete whether this shard finished every build
 * @param options the bench options the shard ran with (empty when stored by a layerlab that did not
 *     keep them)
 * @param builds the shard's builds in the order they ran, failed ones included
 * @param startups the shard's start-ups
 */
public record StoredShard(
    String scenario,
    java.time.Instant startedAt,
    int shardCount,
    boolean started,
    boolean complete,
    Map<String, String> options,
    List<BuildRecord> builds,
    List<StartupRecord> startups) {

  public StoredShard {
    options = Map.copyOf(options);
    builds = List.copyOf(builds);
    startups = List.copyOf(startups);
  }
}
