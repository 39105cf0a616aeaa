package dev.layerlab.run;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;

/** A build of the bench failed; the run stopped and kept what it had measured. */
public final class BuildFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient RunResult partial;
  private final transient BuildRecord failed;

  private final String during;

  public BuildFailedException(String message, BuildRecord failed, RunResult partial) {
    this(message, failed, partial, "");
  }

  /**
   * @param during which build it was, e.g. {@code build 7 of 52 (naive · edit-source #2, classic)}
   */
  public BuildFailedException(
      String message, BuildRecord failed, RunResult partial, String during) {
    super(message);
    this.failed = failed;
    this.partial = partial;
    this.during = during;
  }

  /** Which build failed, counted in the run, or empty when not known. */
  public String during() {
    return during;
  }

  /**
   * Whether the build failed because the daemon's storage is full: the error is the kernel's {@code
   * ENOSPC} as Docker words it.
   */
  public boolean diskFull() {
    return failed != null
        && failed.error().toLowerCase(java.util.Locale.ROOT).contains("no space left on device");
  }

  public RunResult partial() {
    return partial;
  }

  public BuildRecord failed() {
    return failed;
  }
}
