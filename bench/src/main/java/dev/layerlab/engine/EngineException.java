package dev.layerlab.engine;

/** Docker could not do what was asked for a reason outside the build itself (daemon, I/O). */
public final class EngineException extends Exception {
  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
