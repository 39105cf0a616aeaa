package dev.layerlab.run;

import dev.layerlab.measure.RunResult;

/**
 * The Docker daemon stopped answering while the run was going: not a failure of the build in
 * progress, which is not recorded. The run stopped and kept what it had measured.
 */
public final class DaemonLostException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient RunResult partial;
  private final String during;

  /**
   * @param during what was going on, e.g. {@code build 7 of 52 (naive · edit-source #2, classic)}
   */
  public DaemonLostException(String during, RunResult partial, Throwable cause) {
    super("the Docker daemon stopped answering during " + during, cause);
    this.during = during;
    this.partial = partial;
  }

  public String during() {
    return during;
  }

  public RunResult partial() {
    return partial;
  }
}
