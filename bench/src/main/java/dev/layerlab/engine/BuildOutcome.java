package dev.layerlab.engine;

import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.util.List;

/**
 * What the engine reported about one build.
 *
 * @param status whether it succeeded
 * @param seconds wall time, archiving the context included
 * @param contextBytes size of the context archive sent
 * @param imageId the final image, empty on failure
 * @param imageBytes the final image's size, -1 on failure
 * @param steps the steps as the engine ran them
 * @param createdImages images this build created (not reused from the cache), oldest first
 * @param error the engine's message when the build failed
 */
public record BuildOutcome(
    BuildStatus status,
    double seconds,
    long contextBytes,
    String imageId,
    long imageBytes,
    List<StepRecord> steps,
    List<String> createdImages,
    String error) {

  public BuildOutcome {
    steps = List.copyOf(steps);
    createdImages = List.copyOf(createdImages);
  }
}
