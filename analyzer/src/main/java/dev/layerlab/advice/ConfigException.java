package dev.layerlab.advice;

import java.nio.file.Path;

/** A configuration file layerlab cannot use; the message names the file and line. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  ConfigException(Path file, int line, String problem, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  ConfigException(Path file, int line, String problem) {
    this(file, line, problem, null);
  }

  public Path file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem is not on one line. */
  public int line() {
    return line;
  }
}
