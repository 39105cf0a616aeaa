package dev.layerlab.report;

import dev.layerlab.advice.Finding;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.stats.Ratio;
import dev.layerlab.stats.Summary;
import java.util.List;
import java.util.Locale;

/** The summary's advice: findings per variant, the rewrite, and its measured saving. */
final class AdviceSection {

  private AdviceSection() {}

  static void render(RunView view, StringBuilder md) {
    RunResult run = view.run();
    if (run.advice().stream().allMatch(a -> a.findings().isEmpty())) {
      return;
    }
    md.append("## Findings and the rewrite\n\n");
    for (VariantAdvice a : run.advice()) {
      if (a.findings().isEmpty()) {
        md.append("- `")
            .append(a.dockerfile())
            .append("` (")
            .append(a.variant())
            .append("): no findings.\n\n");
        continue;
      }
      md.append("### ").append(a.variant()).append(" (`").append(a.dockerfile()).append("`)\n\n");
      for (Finding f : a.findings()) {
        md.append("- **")
            .append(f.ruleId())
            .append("** line ")
            .append(f.line())
            .append(": ")
            .append(f.message())
            .append(". Fix: ")
            .append(f.fix())
            .append(".\n");
      }
      md.append("\n");
      if (a.rewritten().isEmpty()) {
        md.append(
            "layerlab could not fix this by moving lines or adding a dependency-only step; no rewrite is offered.\n\n");
        continue;
      }
      md.append("layerlab's rewrite, computed from the parsed Dockerfile:\n\n");
      a.edits().forEach(e -> md.append("- ").append(e).append("\n"));
      md.append("\n```dockerfile\n").append(a.rewritten().get());
      if (!a.rewritten().get().endsWith("\n")) {
        md.append("\n");
      }
      md.append("```\n\n");
      measured(view, a, md);
    }
  }

  private static void measured(RunView view, VariantAdvice a, StringBuilder md) {
    String twin = a.measuredAs().orElse("");
    List<String> builders =
        view.builders().stream()
            .filter(b -> !twin.isEmpty() && !view.builds(view.label(twin, b), "cold").isEmpty())
            .toList();
    if (builders.isEmpty()) {
      md.append("The rewrite was not built in this run, so its saving is not measured.\n\n");
      return;
    }
    if (twin.equals(a.variant() + "-rewritten")) {
      md.append("layerlab built the rewrite as variant `").append(twin).append("`.");
    } else {
      md.append("The rewrite has the same instructions as variant `")
          .append(twin)
          .append("`, so that variant's builds measure it.");
    }
    md.append(" ").append(VerificationText.sentence(a));
    List<String> differences = VerificationText.differences(a);
    if (!differences.isEmpty()) {
      md.append("\n");
      differences.forEach(d -> md.append("\n- `").append(d).append("`"));
    }
    md.append("\n\nMeasured saving per change (median build seconds):\n\n");
    for (String builder : builders) {
      String original = view.label(a.variant(), builder);
      String rewrite = view.label(twin, builder);
      if (builders.size() > 1 || view.builders().size() > 1) {
        md.append("With the ").append(builder).append(" builder:\n\n");
      }
      md.append("| change | ")
          .append(a.variant())
          .append(" | rewrite | saving (range) |")
          .append(" flagged step ran (original → rewrite) |\n|---|---:|---:|---:|---|\n");
      for (String change : view.changes()) {
        Summary before = view.buildSummary(original, change);
        Summary after = view.buildSummary(rewrite, change);
        if (before.isEmpty() || after.isEmpty() || change.equals("cold")) {
          continue;
        }
        md.append("| ")
            .append(change)
            .append(" | ")
            .append(SummaryReport.secs(before.median()))
            .append(" | ")
            .append(SummaryReport.secs(after.median()))
            .append(" | ")
            .append(saving(view, original, rewrite, change))
            .append(" | ")
            .append(flaggedRan(view, a, original, original, change))
            .append(" → ")
            .append(flaggedRan(view, a, original, rewrite, change))
            .append(" |\n");
      }
      md.append("\n");
    }
  }

  /** {@code 23.1× (18.9–30.0)}: the ratio of medians and its range between the extremes. */
  private static String saving(RunView view, String original, String rewrite, String change) {
    Ratio r = Ratio.of(view.buildSummary(original, change), view.buildSummary(rewrite, change));
    String median = String.format(Locale.ROOT, "%.1f×", r.median());
    if (r.low() == r.high()) {
      return median;
    }
    return median + String.format(Locale.ROOT, " (%.1f–%.1f)", r.low(), r.high());
  }

  /**
   * How many of a cell's builds ran the step the first finding points at, found by its instruction
   * text so that it is recognised in the rewrite too.
   */
  private static String flaggedRan(
      RunView view, VariantAdvice a, String original, String variant, String change) {
    int line = a.findings().get(0).line();
    java.util.Optional<String> instruction =
        view.builds(original, "cold").stream()
            .flatMap(b -> b.steps().stream())
            .filter(s -> s.line() == line)
            .map(dev.layerlab.measure.StepRecord::instruction)
            .findFirst();
    if (instruction.isEmpty()) {
      return "?";
    }
    java.util.List<dev.layerlab.measure.BuildRecord> builds = view.builds(variant, change);
    long ran =
        builds.stream()
            .filter(
                b ->
                    b.steps().stream()
                        .anyMatch(s -> s.instruction().equals(instruction.get()) && !s.cached()))
            .count();
    return ran + "/" + builds.size();
  }
}
