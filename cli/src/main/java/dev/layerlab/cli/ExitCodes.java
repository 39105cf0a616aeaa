package dev.layerlab.cli;

/** The exit codes layerlab documents in its README. */
public final class ExitCodes {
  /** Everything asked for was done. */
  public static final int OK = 0;

  /** The analysis found problems at or above the failure threshold. */
  public static final int FINDINGS = 1;

  /** Bad input: a missing or unparsable file, an unknown option or value. */
  public static final int BAD_INPUT = 2;

  /** Docker could not be reached or refused a request outside any build. */
  public static final int DOCKER_UNAVAILABLE = 3;

  /** A build failed; what was measured before it is kept. */
  public static final int BUILD_FAILED = 4;

  /** The results store could not be opened or read ({@code --store}, or its file). */
  public static final int STORE_UNAVAILABLE = 5;

  /** {@code rewrite --verify}: the rewritten Dockerfile builds a different image. */
  public static final int IMAGE_DIFFERS = 6;

  /** Something layerlab did not expect; a bug worth reporting. */
  public static final int INTERNAL = 70;

  /** Interrupted (Ctrl-C); what the run made has been removed. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
