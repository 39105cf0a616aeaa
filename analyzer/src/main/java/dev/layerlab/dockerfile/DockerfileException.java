package dev.layerlab.dockerfile;

/**
 * A Dockerfile that cannot be read or that BuildKit would reject. The message is one line, {@code
 * <source>:<line>: <what is wrong>}, ready to show to a user.
 */
public final class DockerfileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String detail;

  public DockerfileException(String source, int line, String detail) {
    this(source, line, detail, null);
  }

  public DockerfileException(String source, int line, String detail, Throwable cause) {
    super(format(source, line, detail), cause);
    this.source = source;
    this.line = line;
    this.detail = oneLine(detail);
  }

  private static String format(String source, int line, String detail) {
    String where = line > 0 ? source + ":" + line : source;
    return where + ": " + oneLine(detail);
  }

  /** Messages can quote user text; a line break in it must not split the one-line message. */
  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }

  public String source() {
    return source;
  }

  /** 1-based line the problem is on, or 0 when it is not about one line. */
  public int line() {
    return line;
  }

  public String detail() {
    return detail;
  }
}
