package dev.layerlab.measure;

/**
 * One step of one build as the engine reported it.
 *
 * @param index 1-based step number in the engine's output
 * @param instruction the instruction as the engine printed it, e.g. {@code COPY . .}
 * @param line the Dockerfile line of the instruction, or 0 when it could not be matched
 * @param cached whether the engine reused a cached result for the step
 * @param seconds wall time from the step's start to the next step's start
 * @param layerBytes bytes the step added to the image, or -1 when unknown
 * @param imageId the image the step produced, or empty when the step failed
 */
public record StepRecord(
    int index,
    String instruction,
    int line,
    boolean cached,
    double seconds,
    long layerBytes,
    String imageId) {

  public StepRecord withLayerBytes(long bytes) {
    return new StepRecord(index, instruction, line, cached, seconds, bytes, imageId);
  }

  public StepRecord withLine(int sourceLine) {
    return new StepRecord(index, instruction, sourceLine, cached, seconds, layerBytes, imageId);
  }
}
