package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs layerlab's rules over a parsed Dockerfile and rewrites what moving lines, or adding a
 * dependency-only step, can fix.
 */
public final class Advisor {

  private Advisor() {}

  /**
   * @param dockerfile the parsed Dockerfile
   * @param text the Dockerfile's text, which the rewrite edits
   * @param contextDir the build context, when known, to name only manifests that exist
   */
  public static Analysis analyze(Dockerfile dockerfile, String text, Optional<Path> contextDir) {
    return analyze(dockerfile, text, AdviceOptions.defaults(contextDir));
  }

  /**
   * Runs every rule the options leave on, drops findings that an inline {@code # layerlab
   * ignore=...} comment suppresses, applies configured severities, and rewrites what moving lines
   * or an added dependency-only step fixes (only for findings that were kept).
   */
  public static Analysis analyze(Dockerfile dockerfile, String text, AdviceOptions options) {
    RuleInput input =
        new RuleInput(
            dockerfile, text, options.contextDir(), options.snapshot(), options.builder());
    InlineIgnores inline = new InlineIgnores(text);
    List<Finding> findings = new ArrayList<>();
    List<DependencyOrderRule.Result> moves = new ArrayList<>();
    Optional<String> ignoreFile = Optional.empty();
    int suppressed = 0;
    for (Rule rule : Rules.all()) {
      if (options.ignored().contains(rule.id())) {
        continue;
      }
      List<DependencyOrderRule.Result> results =
          rule instanceof DependencyOrderRule order
              ? order.results(input)
              : rule.check(input).stream()
                  .map(f -> new DependencyOrderRule.Result(f, Optional.empty()))
                  .toList();
      for (DependencyOrderRule.Result r : results) {
        Finding f = r.finding();
        if (inline.suppressed(f.line()).contains(f.ruleId())) {
          suppressed++;
          continue;
        }
        Severity configured = options.severities().get(f.ruleId());
        findings.add(configured == null ? f : f.withSeverity(configured));
        if (r.move().isPresent()) {
          moves.add(r);
        }
        if (rule instanceof ContextWasteRule) {
          ignoreFile = ContextWasteRule.suggestedIgnore(input);
        }
      }
    }
    findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));

    String rewritten = text;
    List<String> edits = new ArrayList<>();
    // Moves are applied bottom-up so that line numbers above each move stay valid.
    moves.sort(
        Comparator.comparingInt((DependencyOrderRule.Result r) -> r.finding().line()).reversed());
    List<Analysis.AddedStep> added = new ArrayList<>();
    List<Analysis.Fix> fixes = new ArrayList<>();
    for (DependencyOrderRule.Result r : moves) {
      TextRewriter.Move move = r.move().get();
      rewritten = TextRewriter.apply(rewritten, move);
      String edit = r.edit().orElseGet(() -> moveSentence(r));
      edits.add(0, edit);
      r.step().ifPresent(s -> added.add(0, s));
      fixes.add(
          0,
          new Analysis.Fix(
              r.finding().ruleId(),
              r.finding().line(),
              edit,
              Analysis.Replacement.between(text, TextRewriter.apply(text, move))));
    }
    return new Analysis(
        findings,
        edits.isEmpty() ? Optional.empty() : Optional.of(rewritten),
        edits,
        ignoreFile,
        suppressed,
        added,
        fixes);
  }

  private static String moveSentence(DependencyOrderRule.Result r) {
    TextRewriter.Move move = r.move().get();
    return "line "
        + move.anchor().startLine()
        + ": added `"
        + move.insertLines().get(0)
        + "` and moved the install (line "
        + r.finding().line()
        + ") above `"
        + move.anchor().original().strip()
        + "`";
  }
}
