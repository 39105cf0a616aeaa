package dev.layerlab.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * The prediction for one step, in the order the builder reports steps.
 *
 * @param stage 0-based stage index
 * @param stageName the stage's {@code AS} name, or its index as text
 * @param line 1-based Dockerfile line of the instruction
 * @param instruction the instruction as written, continuation lines joined
 * @param hit whether the step is predicted to come from the cache
 * @param cause for a miss, the first reason; for a hit, present only with kind {@link
 *     MissCause.Kind#CHECKED_AT_BUILD}, naming what only the build can check
 */
public record StepPrediction(
    int stage,
    String stageName,
    int line,
    String instruction,
    boolean hit,
    Optional<MissCause> cause) {

  public StepPrediction {
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(cause, "cause");
  }

  /** The cause's kind, if any. */
  public Optional<MissCause.Kind> kind() {
    return cause.map(MissCause::kind);
  }
}
