package dev.layerlab.advice;

/**
 * One problem found in a Dockerfile.
 *
 * @param ruleId the stable rule id, e.g. {@code LL001}
 * @param severity how much it costs
 * @param file the Dockerfile's name as given
 * @param line the 1-based first line of the instruction the finding is about
 * @param endLine the 1-based last line of that instruction (continuations included)
 * @param message what is wrong and what it costs, naming lines
 * @param fix what to do about it
 */
public record Finding(
    String ruleId,
    Severity severity,
    String file,
    int line,
    int endLine,
    String message,
    String fix) {

  public Finding {
    if (endLine < line) {
      endLine = line;
    }
  }

  /** A finding about a single line. */
  public Finding(
      String ruleId, Severity severity, String file, int line, String message, String fix) {
    this(ruleId, severity, file, line, line, message, fix);
  }

  /** The same finding at another severity, as a configuration asks. */
  public Finding withSeverity(Severity other) {
    return new Finding(ruleId, other, file, line, endLine, message, fix);
  }

  /** {@code file:line: LL001 warning: message}, the one-line form for terminals and logs. */
  public String oneLine() {
    return file + ":" + line + ": " + ruleId + " " + severity.label() + ": " + message;
  }
}
