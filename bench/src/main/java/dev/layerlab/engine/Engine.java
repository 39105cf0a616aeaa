package dev.layerlab.engine;

import java.util.Collection;
import java.util.List;

/** Builds images, runs containers and cleans up after a run; the only door to Docker. */
public interface Engine extends AutoCloseable {

  /** Checks the daemon answers and says what it is. */
  EngineInfo info() throws EngineException;

  /**
   * Builds an image. A build that fails in a step is an outcome with status failed; an exception
   * means the engine itself could not be used.
   */
  BuildOutcome build(BuildRequest request) throws EngineException;

  /** Starts a container and measures the time to its ready line; always removes the container. */
  RunOutcome runUntilReady(RunRequest request) throws EngineException;

  /**
   * Hands {@code reader} the image as {@code docker save} streams it (its layer tars, configuration
   * and manifest), for analysis off the timed path.
   */
  default <T> T saveImage(String imageId, ExportReader<T> reader) throws EngineException {
    throw new EngineException(getClass().getSimpleName() + " cannot read an image's layers");
  }

  /**
   * Removes the given images, newest first, never pruning parents it was not given.
   *
   * @return messages for images that could not be removed
   */
  List<String> removeImages(Collection<String> imageIds);

  /**
   * Removes every container carrying {@code label=value}; used after an interruption.
   *
   * @return how many were removed
   */
  int removeContainers(String label, String value);

  /**
   * The images that descend from the given ones (children, their children, ...), not including
   * them, oldest first; empty where the engine makes no intermediate images.
   */
  default List<String> descendantsOf(Collection<String> imageIds) {
    return List.of();
  }

  /**
   * Removes the stopped containers whose image is one of the given ones: the step containers a
   * build leaves when the daemon stops under it.
   *
   * @return how many were removed
   */
  default int removeStoppedContainersOf(Collection<String> imageIds) {
    return 0;
  }

  /** The ids of every image carrying {@code label=value}, newest first. */
  default List<String> labelledImages(String label, String value) {
    return List.of();
  }

  /**
   * Every image this engine's builds have created so far, oldest first, a build in progress
   * included. Builders that create no intermediate images return only final images.
   */
  default List<String> createdImages() {
    return List.of();
  }

  /**
   * Whether the daemon answers now. Asked after a build failed, to tell a build's own failure from
   * a daemon that went away under it.
   */
  default boolean answers() {
    try {
      info();
      return true;
    } catch (EngineException e) {
      return false;
    }
  }

  /**
   * Stops the build in progress, if any, waits for it to end, and refuses every later build; called
   * when the user interrupts a run.
   */
  default void abort() {}

  @Override
  void close();
}
