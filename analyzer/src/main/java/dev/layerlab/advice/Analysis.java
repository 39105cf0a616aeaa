package dev.layerlab.advice;

import java.util.List;
import java.util.Optional;

/**
 * What layerlab found in one Dockerfile and, where it can, the Dockerfile rewritten to fix it.
 *
 * @param findings in line order
 * @param rewritten the improved Dockerfile's full text, if any finding could be fixed by moving
 *     lines
 * @param edits one sentence per change the rewrite made
 */
public record Analysis(List<Finding> findings, Optional<String> rewritten, List<String> edits) {

  public Analysis {
    findings = List.copyOf(findings);
    edits = List.copyOf(edits);
  }
}
