package dev.layerlab.cli;

import dev.layerlab.advice.Analysis;
import dev.layerlab.advice.BuilderKind;
import dev.layerlab.advice.FailureThreshold;
import dev.layerlab.advice.Finding;
import dev.layerlab.advice.Rule;
import dev.layerlab.advice.Severity;
import java.util.List;
import java.util.Map;

/**
 * What {@code layerlab check} decided, for the renderers to read.
 *
 * @param dockerfile the Dockerfile as the user named it
 * @param uri the Dockerfile relative to the working directory ({@code /}-separated), or an absolute
 *     {@code file:} URI when it lies outside
 * @param analysis the findings, after configuration and inline ignores
 * @param rules the catalog, in id order
 * @param severities each rule's severity after configuration
 * @param threshold the least severe finding that fails the check
 * @param builder the builder the findings assume
 * @param version layerlab's version
 */
record CheckResult(
    String dockerfile,
    String uri,
    Analysis analysis,
    List<Rule> rules,
    Map<String, Severity> severities,
    FailureThreshold threshold,
    BuilderKind builder,
    String version) {

  List<Finding> findings() {
    return analysis.findings();
  }

  long count(Severity s) {
    return findings().stream().filter(f -> f.severity() == s).count();
  }

  /** How many findings are at or above the threshold. */
  long failing() {
    return findings().stream().filter(f -> threshold.fails(f.severity())).count();
  }

  boolean failed() {
    return failing() > 0;
  }

  /** One sentence: how many findings, by severity, and the verdict. */
  String summary() {
    if (findings().isEmpty()) {
      return "no findings";
    }
    int n = findings().size();
    return n
        + (n == 1 ? " finding" : " findings")
        + " ("
        + count(Severity.ERROR)
        + " error, "
        + count(Severity.WARNING)
        + " warning, "
        + count(Severity.INFO)
        + " info); "
        + (threshold == FailureThreshold.NONE
            ? "failure threshold none: passed"
            : failing()
                + " at or above "
                + threshold.label()
                + (failed() ? ": failed" : ": passed"));
  }
}
