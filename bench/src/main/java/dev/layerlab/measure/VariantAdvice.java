package dev.layerlab.measure;

import dev.layerlab.advice.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What layerlab's rules said about one variant's Dockerfile, and how its rewrite was measured.
 *
 * @param variant the variant analysed
 * @param dockerfile its Dockerfile, relative to the scenario
 * @param findings what the rules found
 * @param rewritten the rewritten Dockerfile, if the findings could be fixed by moving lines or by
 *     adding a dependency-only step
 * @param edits one sentence per change the rewrite made
 * @param measuredAs the variant whose builds measured the rewrite: a declared variant with the same
 *     instructions, or one layerlab generated from the rewrite
 * @param verification whether the run proved the rewrite builds the same image; empty for runs made
 *     before layerlab checked, and where there is no rewrite
 */
public record VariantAdvice(
    String variant,
    String dockerfile,
    List<Finding> findings,
    Optional<String> rewritten,
    List<String> edits,
    Optional<String> measuredAs,
    Optional<RewriteVerification> verification) {

  public VariantAdvice {
    findings = List.copyOf(findings);
    edits = List.copyOf(edits);
    verification = verification == null ? Optional.empty() : verification;
  }

  public VariantAdvice(
      String variant,
      String dockerfile,
      List<Finding> findings,
      Optional<String> rewritten,
      List<String> edits,
      Optional<String> measuredAs) {
    this(variant, dockerfile, findings, rewritten, edits, measuredAs, Optional.empty());
  }

  /** The same advice with what the run found out about the rewrite. */
  public VariantAdvice withVerification(RewriteVerification v) {
    return new VariantAdvice(
        variant, dockerfile, findings, rewritten, edits, measuredAs, Optional.of(v));
  }
}
