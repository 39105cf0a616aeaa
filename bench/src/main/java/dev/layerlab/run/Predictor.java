package dev.layerlab.run;

import dev.layerlab.cache.BuildInputs;
import dev.layerlab.cache.CacheModel;
import dev.layerlab.cache.CacheSemantics;
import dev.layerlab.cache.DockerVersion;
import dev.layerlab.cache.MissCause;
import dev.layerlab.cache.StepPrediction;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.measure.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the cache model, before each build of a bench, what the build will reuse, and sets the
 * answer beside what the engine then reported. A disagreement is a bug in the model, never noise:
 * the bench reports each one with both answers.
 */
public final class Predictor {

  private final CacheSemantics semantics;
  private final ContextSender sender;
  // Shared by every build of the variant: a file unchanged since the last snapshot is not read
  // and hashed again.
  private final SnapshotCache cache = SnapshotCache.empty();
  private final Map<String, String> buildArgs;
  private BuildInputs baseline;

  /**
   * @param builder {@code classic} or {@code buildkit}
   * @param daemonVersion the daemon's version as it reports it, for version-dependent rules
   */
  public Predictor(String builder, String daemonVersion, Map<String, String> buildArgs) {
    boolean buildkit = builder.equals("buildkit");
    CacheSemantics base = buildkit ? CacheSemantics.BUILDKIT : CacheSemantics.CLASSIC;
    this.semantics = withVersion(base, daemonVersion);
    this.sender = buildkit ? ContextSender.BUILDKIT : ContextSender.CLASSIC;
    this.buildArgs = Map.copyOf(buildArgs);
  }

  /** The inputs of a build of {@code dockerfile} in {@code root} as they are now. */
  public BuildInputs inputs(Path root, String dockerfile, boolean noCache) throws IOException {
    Path file = root.resolve(dockerfile);
    Dockerfile parsed;
    IgnoreRules rules;
    try {
      parsed = DockerfileParser.parse(file);
      rules = IgnoreRules.forBuild(root, file, sender);
    } catch (DockerfileException | IgnoreFileException e) {
      throw new IOException(e.getMessage(), e);
    }
    return BuildInputs.of(parsed, new ContextWalker(rules, cache, sender).snapshot(root))
        .withBuildArgs(buildArgs)
        .withNoCache(noCache);
  }

  /** The same predictor with other build arguments, for a build that changes them. */
  public Predictor withBuildArgs(Map<String, String> args) {
    Predictor other = new Predictor(semantics, sender, args);
    other.baseline = baseline;
    return other;
  }

  private Predictor(CacheSemantics semantics, ContextSender sender, Map<String, String> args) {
    this.semantics = semantics;
    this.sender = sender;
    this.buildArgs = Map.copyOf(args);
  }

  /** The prediction for a cold build, which also becomes the baseline of later ones. */
  public List<StepPrediction> cold(BuildInputs inputs) {
    baseline = inputs.withNoCache(false);
    return CacheModel.predictFirstBuild(semantics, inputs);
  }

  /** The prediction for a rebuild on the cache the cold build left. */
  public List<StepPrediction> rebuild(BuildInputs inputs) {
    if (baseline == null) {
      return CacheModel.predictFirstBuild(semantics, inputs);
    }
    return CacheModel.predict(semantics, baseline, inputs);
  }

  /** Pairs predicted and observed steps by Dockerfile line, in order. */
  public static List<PredictionRecord> compare(List<StepPrediction> predicted, BuildRecord build) {
    Map<Integer, Deque<StepRecord>> observed = new LinkedHashMap<>();
    for (StepRecord s : build.steps()) {
      observed.computeIfAbsent(s.line(), k -> new ArrayDeque<>()).add(s);
    }
    List<PredictionRecord> records = new ArrayList<>();
    for (StepPrediction p : predicted) {
      Deque<StepRecord> sameLine = observed.get(p.line());
      StepRecord seen = sameLine == null ? null : sameLine.poll();
      String cause = p.cause().map(MissCause::sentence).orElse("");
      records.add(
          new PredictionRecord(
              build.variant(),
              build.change(),
              build.builder(),
              build.repetition(),
              p.line(),
              p.instruction(),
              Optional.of(p.hit()),
              seen == null ? Optional.empty() : Optional.of(seen.cached()),
              cause));
    }
    for (Deque<StepRecord> left : observed.values()) {
      for (StepRecord s : left) {
        records.add(
            new PredictionRecord(
                build.variant(),
                build.change(),
                build.builder(),
                build.repetition(),
                s.line(),
                s.instruction(),
                Optional.empty(),
                Optional.of(s.cached()),
                "the model predicted no such step"));
      }
    }
    return records;
  }

  private static CacheSemantics withVersion(CacheSemantics base, String daemonVersion) {
    try {
      return base.withDaemonVersion(DockerVersion.parse(daemonVersion));
    } catch (IllegalArgumentException e) {
      return base; // an unknown version gets the rules of current releases
    }
  }
}
