package dev.layerlab.measure;

import java.util.OptionalDouble;

/**
 * One step of one build as the engine reported it.
 *
 * @param index 1-based step number in the engine's output
 * @param instruction the instruction as the engine printed it, e.g. {@code COPY . .}
 * @param line the Dockerfile line of the instruction, or 0 when it could not be matched
 * @param cached whether the engine reused a cached result for the step
 * @param seconds the step's time as layerlab's client saw it: from the step's first output line to
 *     the next step's (classic builder) or to the step's own last line (BuildKit)
 * @param layerBytes bytes the step added to the image, or -1 when unknown
 * @param imageId the image the step produced, or empty when the step failed
 * @param engineSeconds the step's duration as the builder itself reported it (BuildKit's {@code
 *     DONE 1.2s}); empty when the builder gives none (the classic builder, a cached step)
 */
public record StepRecord(
    int index,
    String instruction,
    int line,
    boolean cached,
    double seconds,
    long layerBytes,
    String imageId,
    OptionalDouble engineSeconds) {

  public StepRecord {
    engineSeconds = engineSeconds == null ? OptionalDouble.empty() : engineSeconds;
  }

  /** A step whose builder reported no duration of its own. */
  public StepRecord(
      int index,
      String instruction,
      int line,
      boolean cached,
      double seconds,
      long layerBytes,
      String imageId) {
    this(index, instruction, line, cached, seconds, layerBytes, imageId, OptionalDouble.empty());
  }

  public StepRecord withLayerBytes(long bytes) {
    return new StepRecord(index, instruction, line, cached, seconds, bytes, imageId, engineSeconds);
  }

  public StepRecord withLine(int sourceLine) {
    return new StepRecord(
        index, instruction, sourceLine, cached, seconds, layerBytes, imageId, engineSeconds);
  }
}
