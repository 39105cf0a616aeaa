package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs layerlab's rules over a parsed Dockerfile and rewrites what can be fixed by moving lines.
 */
public final class Advisor {

  private Advisor() {}

  /**
   * @param dockerfile the parsed Dockerfile
   * @param text the Dockerfile's text, which the rewrite edits
   * @param contextDir the build context, when known, to name only manifests that exist
   */
  public static Analysis analyze(Dockerfile dockerfile, String text, Optional<Path> contextDir) {
    List<Finding> findings = new ArrayList<>();
    String rewritten = text;
    List<String> edits = new ArrayList<>();
    List<DependencyOrderRule.Result> results = DependencyOrderRule.check(dockerfile, contextDir);
    // Moves are applied bottom-up so that line numbers above each move stay valid.
    List<DependencyOrderRule.Result> bottomUp = new ArrayList<>(results);
    bottomUp.sort(
        Comparator.comparingInt((DependencyOrderRule.Result r) -> r.finding().line()).reversed());
    for (DependencyOrderRule.Result r : bottomUp) {
      if (r.move().isPresent()) {
        TextRewriter.Move move = r.move().get();
        rewritten = TextRewriter.apply(rewritten, move);
        edits.add(
            0,
            "line "
                + move.anchor().startLine()
                + ": added `"
                + move.insertLine()
                + "` and moved the install (line "
                + r.finding().line()
                + ") above `"
                + move.anchor().original().strip()
                + "`");
      }
    }
    results.forEach(r -> findings.add(r.finding()));
    findings.sort(Comparator.comparingInt(Finding::line));
    return new Analysis(
        findings, edits.isEmpty() ? Optional.empty() : Optional.of(rewritten), edits);
  }
}
