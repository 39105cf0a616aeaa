package dev.layerlab.measure;

import java.util.List;

/**
 * One build of one cell: which variant, after which change, how long it took and what it made.
 *
 * @param variant the Dockerfile variant's name
 * @param change the change pattern applied before the build ({@code cold} for the first build)
 * @param builder the builder that ran it, e.g. {@code classic}
 * @param repetition 1-based repetition of this cell
 * @param seconds wall time of the whole build, context upload included
 * @param contextBytes size of the build context archive sent to the builder
 * @param imageBytes size of the resulting image, or -1 when the build failed
 * @param imageId the resulting image, or empty when the build failed
 * @param status whether the build succeeded
 * @param error the engine's error when the build failed, else empty
 * @param steps the steps in the order the engine ran them
 */
public record BuildRecord(
    String variant,
    String change,
    String builder,
    int repetition,
    double seconds,
    long contextBytes,
    long imageBytes,
    String imageId,
    BuildStatus status,
    String error,
    List<StepRecord> steps) {

  public BuildRecord {
    steps = List.copyOf(steps);
  }

  /** The first step whose instruction starts with the given text, if any ran. */
  public java.util.Optional<StepRecord> step(String instructionPrefix) {
    return steps.stream().filter(s -> s.instruction().startsWith(instructionPrefix)).findFirst();
  }

  public long cachedSteps() {
    return steps.stream().filter(StepRecord::cached).count();
  }
}
