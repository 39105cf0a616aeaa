package dev.layerlab.run;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;

/** A build of the bench failed; the run stopped and kept what it had measured. */
public final class BuildFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient RunResult partial;
  private final transient BuildRecord failed;

  public BuildFailedException(String message, BuildRecord failed, RunResult partial) {
    super(message);
    this.failed = failed;
    this.partial = partial;
  }

  public RunResult partial() {
    return partial;
  }

  public BuildRecord failed() {
    return failed;
  }
}
