package dev.layerlab.cli;

/** A failure already explained in one line, carrying the exit code to end with. */
class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  Failure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  Failure(int exitCode, String message) {
    this(exitCode, message, null);
  }

  int exitCode() {
    return exitCode;
  }

  /**
   * The stack trace to print with {@code --verbose}, already redacted, or null to print the
   * failure's own.
   */
  String trace() {
    return null;
  }

  /**
   * This failure with every secret value removed from its message and from the stack trace of its
   * cause, which may quote the engine's output.
   */
  Failure redacted(dev.layerlab.secret.Redactor redactor) {
    if (!redactor.isActive()) {
      return this;
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    printStackTrace(new java.io.PrintWriter(trace));
    String text = redactor.apply(trace.toString());
    return new Failure(exitCode, redactor.apply(getMessage()), null) {
      private static final long serialVersionUID = 1L;

      @Override
      String trace() {
        return text;
      }
    };
  }
}
