package dev.layerlab.advice;

/**
 * One problem found in a Dockerfile.
 *
 * @param ruleId the stable rule id, e.g. {@code LL001}
 * @param severity how much it costs
 * @param file the Dockerfile's name as given
 * @param line the 1-based line the finding is about
 * @param message what is wrong and what it costs, naming lines
 * @param fix what to do about it
 */
public record Finding(
    String ruleId, Severity severity, String file, int line, String message, String fix) {

  /** {@code file:line: LL001 warning: message}, the one-line form for terminals and logs. */
  public String oneLine() {
    return file + ":" + line + ": " + ruleId + " " + severity.label() + ": " + message;
  }
}
