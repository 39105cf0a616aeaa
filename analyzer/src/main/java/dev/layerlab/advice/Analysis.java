package dev.layerlab.advice;

import java.util.List;
import java.util.Optional;

/**
 * What layerlab found in one Dockerfile and, where it can, the Dockerfile rewritten to fix it.
 *
 * @param findings in line order, then rule id
 * @param rewritten the improved Dockerfile's full text, if any finding could be fixed by moving
 *     lines
 * @param edits one sentence per change the rewrite made
 * @param suggestedDockerignore lines to add to .dockerignore, when LL002 measured waste
 * @param suppressed how many findings the configuration or inline comments left out
 */
public record Analysis(
    List<Finding> findings,
    Optional<String> rewritten,
    List<String> edits,
    Optional<String> suggestedDockerignore,
    int suppressed) {

  public Analysis {
    findings = List.copyOf(findings);
    edits = List.copyOf(edits);
  }

  public Analysis(List<Finding> findings, Optional<String> rewritten, List<String> edits) {
    this(findings, rewritten, edits, Optional.empty(), 0);
  }
}
