package dev.layerlab.engine.cases;

import dev.layerlab.measure.StepRecord;
import java.util.List;

/**
 * What one builder did in one cache case: the steps of the build before the change and of the build
 * after it, each with its Dockerfile line and whether it was cached.
 *
 * @param caseId e.g. {@code 04-arg-early}
 * @param builder {@code classic} or {@code buildkit}
 * @param engineVersion the daemon's version and, for BuildKit, the client used
 * @param before the steps of the build before the change
 * @param after the steps of the build after it; empty when the first build failed
 * @param error the builder's error when a build failed, else empty
 * @param notes further facts worth keeping, e.g. the requests a server saw
 */
public record CaseObservation(
    String caseId,
    String builder,
    String engineVersion,
    List<StepRecord> before,
    List<StepRecord> after,
    String error,
    List<String> notes) {

  public CaseObservation {
    before = List.copyOf(before);
    after = List.copyOf(after);
    notes = List.copyOf(notes);
  }

  /** Dockerfile lines of the steps the build after the change did not take from the cache. */
  public List<Integer> missedLines() {
    return after.stream().filter(s -> !s.cached() && s.line() > 0).map(StepRecord::line).toList();
  }

  /** Dockerfile lines of the steps the build before the change took from the cache. */
  public List<Integer> cachedLinesBefore() {
    return before.stream().filter(s -> s.cached() && s.line() > 0).map(StepRecord::line).toList();
  }

  /** Whether the first build failed. */
  public boolean failed() {
    return !error.isEmpty();
  }
}
