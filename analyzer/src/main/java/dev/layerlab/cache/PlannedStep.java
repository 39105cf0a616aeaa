package dev.layerlab.cache;

import dev.layerlab.dockerfile.Instruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a planned build with its cache key, before any comparison.
 *
 * @param parent the step whose result this one builds on; null at a stage's FROM image
 * @param lookupKey what is looked up among the last build's keys
 * @param chainKey what the next step's key builds on (differs from lookupKey for {@code COPY
 *     --link})
 * @param outcome whether comparing keys decides the step
 * @param note the cause when the outcome is forced, or a condition attached to a hit
 * @param listed whether the builder reports this as a step (BuildKit has no step for a FROM of
 *     another stage, or for stages the target does not need)
 * @param vars variable values in scope at the step, for naming the variable behind a change
 * @param envNames which of those are ENV rather than ARG values
 */
record PlannedStep(
    int stage,
    String stageName,
    Instruction instruction,
    List<KeyPart> parts,
    PlannedStep parent,
    String lookupKey,
    String chainKey,
    Outcome outcome,
    Optional<MissCause> note,
    boolean listed,
    Map<String, String> vars,
    Set<String> envNames,
    Optional<String> fromStage) {

  /** How a step's hit or miss is decided. */
  enum Outcome {
    /** By looking its key up among the last build's. */
    COMPARE,
    /** Never a hit: the note says why. */
    ALWAYS_MISS,
    /** The build stops here with an error: the note quotes it. */
    FAILS
  }

  int line() {
    return instruction.startLine();
  }

  String keyword() {
    return instruction.keyword();
  }

  Optional<KeyPart> part(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
