package dev.layerlab.context;

/**
 * A {@code .dockerignore} that Docker would refuse: the build fails before any step runs, so the
 * message names the file and line to fix.
 */
public final class IgnoreFileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  public IgnoreFileException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file name as given to the parser (a path, or a label such as {@code .dockerignore}). */
  public String source() {
    return source;
  }

  /** The 1-based line number, counting comments and blank lines; 0 when no line is to blame. */
  public int line() {
    return line;
  }
}
