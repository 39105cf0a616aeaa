package dev.layerlab.measure;

import java.util.Optional;

/**
 * One step of one build as layerlab's cache model predicted it, next to what the engine reported.
 *
 * @param variant the variant built
 * @param change the change pattern applied before the build
 * @param builder which builder's semantics were predicted and which builder ran
 * @param repetition 1-based
 * @param line the Dockerfile line of the step
 * @param instruction the step's instruction
 * @param predictedHit the model's answer, empty when the model has no such step
 * @param observedHit the engine's answer, empty when the engine reported no such step
 * @param cause the model's reason for a miss (or a note on a hit), empty when there is none
 */
public record PredictionRecord(
    String variant,
    String change,
    String builder,
    int repetition,
    int line,
    String instruction,
    Optional<Boolean> predictedHit,
    Optional<Boolean> observedHit,
    String cause) {

  /** Both answers in words, e.g. {@code model hit, engine miss}. */
  public String answers() {
    return "model " + word(predictedHit) + ", engine " + word(observedHit);
  }

  private static String word(Optional<Boolean> hit) {
    return hit.map(h -> h ? "hit" : "miss").orElse("no step");
  }

  /** Whether the model and the engine gave the same answer for this step. */
  public boolean agrees() {
    return predictedHit.isPresent() && predictedHit.equals(observedHit);
  }
}
