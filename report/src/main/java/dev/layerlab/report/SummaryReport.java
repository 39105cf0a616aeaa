package dev.layerlab.report;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.stats.Ratio;
import dev.layerlab.stats.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Writes {@code summary.md}: what was measured, what each change rebuilt, and what to do. */
public final class SummaryReport {

  private SummaryReport() {}

  public static void write(RunView view, List<String> charts, Path file) throws IOException {
    Files.writeString(file, render(view, charts), StandardCharsets.UTF_8);
  }

  public static String render(RunView view, List<String> charts) {
    RunResult run = view.run();
    Map<String, String> env = run.environment();
    StringBuilder md = new StringBuilder();
    md.append("# ")
        .append(run.scenario())
        .append(": bench run ")
        .append(run.runId())
        .append("\n\n");
    md.append("Built with ")
        .append(builtWith(env))
        .append(" against Docker ")
        .append(env.getOrDefault("docker_version", "?"))
        .append(" on ")
        .append(env.getOrDefault("cores", "?"))
        .append(" cores, starting ")
        .append(run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(". Each variant was built once without the cache (`cold`),")
        .append(" then rebuilt on the warm cache after each change pattern, ")
        .append(env.getOrDefault("repetitions", "?"))
        .append(" times each; every edit is unique, so no rebuild reuses another's result.")
        .append(" Times are medians, with min–max in brackets.\n\n");
    if (env.containsKey("resumed")) {
      md.append("> This run was resumed ").append(env.get("resumed")).append(".\n\n");
    }
    if (!run.complete()) {
      md.append("> **This run stopped early**: the numbers below cover only what was measured")
          .append(" before it stopped.\n\n");
    }
    if (env.containsKey("skipped")) {
      md.append("> Not built: ").append(env.get("skipped")).append(".\n\n");
    }
    headline(view, md);
    buildTable(view, md);
    StatisticsSection.markdown(view, md);
    rebuiltTable(view, md);
    startupTable(view, md);
    ImagesSection.markdown(view, md);
    predictionTable(view, md);
    AdviceSection.render(view, md);
    failures(view, md);
    if (!charts.isEmpty()) {
      md.append("## Charts\n\n");
      for (String chart : charts) {
        if (chart.endsWith(".png")) {
          md.append("![")
              .append(chart.replace(".png", ""))
              .append("](")
              .append(chart)
              .append(")\n\n");
        }
      }
    }
    return md.toString();
  }

  /** "the classic builder (docker-java) and the buildkit builder (docker-cli ...)". */
  static String builtWith(Map<String, String> env) {
    String[] engines = env.getOrDefault("engine", "?").split(", ");
    String[] builders = env.getOrDefault("builder", "?").split(", ");
    StringJoiner out = new StringJoiner(" and ");
    for (int i = 0; i < builders.length; i++) {
      out.add("the " + builders[i] + " builder (" + (i < engines.length ? engines[i] : "?") + ")");
    }
    return out.toString();
  }

  private static void headline(RunView view, StringBuilder md) {
    for (String builder : view.builders()) {
      headline(view, view.variants(builder), md);
    }
  }

  /** The fastest and slowest of some variants after a source edit, in one bold line. */
  private static void headline(RunView view, List<String> variants, StringBuilder md) {
    if (variants.size() < 2 || !view.changes().contains("edit-source")) {
      return;
    }
    String fastest = null;
    String slowest = null;
    for (String v : variants) {
      Summary s = view.buildSummary(v, "edit-source");
      if (s.isEmpty()) {
        continue;
      }
      if (fastest == null || s.median() < view.buildSummary(fastest, "edit-source").median()) {
        fastest = v;
      }
      if (slowest == null || s.median() > view.buildSummary(slowest, "edit-source").median()) {
        slowest = v;
      }
    }
    if (fastest == null || fastest.equals(slowest)) {
      return;
    }
    double fast = view.buildSummary(fastest, "edit-source").median();
    double slow = view.buildSummary(slowest, "edit-source").median();
    Ratio ratio =
        Ratio.of(
            view.buildSummary(slowest, "edit-source"), view.buildSummary(fastest, "edit-source"));
    md.append("**After a source edit, `")
        .append(fastest)
        .append("` rebuilds in ")
        .append(secs(fast))
        .append(" s against ")
        .append(secs(slow))
        .append(" s for `")
        .append(slowest)
        .append("`: ")
        .append(String.format(Locale.ROOT, "%.1f", slow / fast))
        .append("× faster")
        .append(ratioRange(ratio))
        .append(".**\n\n");
  }

  private static void buildTable(RunView view, StringBuilder md) {
    List<String> changes = view.changes();
    md.append("## Build time (seconds)\n\n| variant |");
    changes.forEach(c -> md.append(" ").append(c).append(" |"));
    md.append("\n|---|");
    changes.forEach(c -> md.append("---:|"));
    md.append("\n");
    for (String v : view.variants()) {
      md.append("| ").append(v).append(" |");
      for (String c : changes) {
        Summary s = view.buildSummary(v, c);
        md.append(" ").append(s.isEmpty() ? "–" : cell(s)).append(" |");
      }
      md.append("\n");
    }
    md.append("\n");
  }

  private static void rebuiltTable(RunView view, StringBuilder md) {
    md.append("## What each change rebuilt\n\n")
        .append("Steps that ran instead of coming from the cache, with how many of the cell's")
        .append(" builds ran them.\n\n| variant | change | steps that ran |\n|---|---|---|\n");
    for (String v : view.variants()) {
      for (String c : view.changes()) {
        List<BuildRecord> builds = view.builds(v, c);
        if (builds.isEmpty() || c.equals("cold")) {
          continue;
        }
        Map<String, Integer> ran = view.rebuiltSteps(v, c);
        StringJoiner steps = new StringJoiner("<br>");
        ran.forEach(
            (instruction, n) ->
                steps.add(
                    "`" + escape(shorten(instruction)) + "` (" + n + "/" + builds.size() + ")"));
        md.append("| ")
            .append(v)
            .append(" | ")
            .append(c)
            .append(" | ")
            .append(ran.isEmpty() ? "none: every step cached" : steps.toString())
            .append(" |\n");
      }
    }
    md.append("\n");
  }

  private static void startupTable(RunView view, StringBuilder md) {
    if (view.startupModes().isEmpty()) {
      return;
    }
    md.append("## Start-up (seconds to the ready line)\n\n")
        .append("`baked`: the image with code and dependencies, run without a network. ")
        .append("`mounted`: the code mounted into the base image, dependencies installed at ")
        .append("start (the manual approach). ")
        .append("`mounted-deps`: the code mounted into the image built with the dependencies. ")
        .append("`first` is each mode's first run; `repeat` the median of the later ones.\n\n")
        .append("| mode | median | first | repeat | min | max | runs |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (String mode : view.startupModes()) {
      Summary s = view.startupSummary(mode);
      Summary first = view.startupSummary(mode, StartupRecord.FIRST);
      Summary repeat = view.startupSummary(mode, StartupRecord.REPEAT);
      md.append("| ")
          .append(mode)
          .append(" | ")
          .append(s.isEmpty() ? "–" : secs(s.median()))
          .append(" | ")
          .append(first.isEmpty() ? "–" : secs(first.median()))
          .append(" | ")
          .append(repeat.isEmpty() ? "–" : secs(repeat.median()))
          .append(" | ")
          .append(s.isEmpty() ? "–" : secs(s.min()))
          .append(" | ")
          .append(s.isEmpty() ? "–" : secs(s.max()))
          .append(" | ")
          .append(s.count())
          .append(" |\n");
    }
    md.append("\n");
  }

  private static void predictionTable(RunView view, StringBuilder md) {
    if (view.run().predictions().isEmpty()) {
      return;
    }
    md.append("## Prediction against the engine\n\n")
        .append("Before every build, layerlab's cache model predicted which steps the builder")
        .append(" would reuse; the engine then reported what it did. A disagreement is a bug in")
        .append(" the model, not noise.\n\n| builder | steps predicted right | agreement |\n")
        .append("|---|---:|---:|\n");
    for (RunView.Agreement a : view.agreement()) {
      md.append("| ")
          .append(a.builder())
          .append(" | ")
          .append(a.right())
          .append(" of ")
          .append(a.steps())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", a.percent()))
          .append(" |\n");
    }
    md.append("\n");
    List<dev.layerlab.measure.PredictionRecord> wrong = view.disagreements();
    if (!wrong.isEmpty()) {
      md.append("Disagreements:\n\n");
      for (dev.layerlab.measure.PredictionRecord p : wrong) {
        md.append("- ")
            .append(p.builder())
            .append(" ")
            .append(p.variant())
            .append(" / ")
            .append(p.change())
            .append(" #")
            .append(p.repetition())
            .append(", line ")
            .append(p.line())
            .append(" `")
            .append(escape(p.instruction()))
            .append("`: ")
            .append(p.answers())
            .append(p.cause().isEmpty() ? "" : " (" + escape(p.cause()) + ")")
            .append("\n");
      }
      md.append("\n");
    }
  }

  private static void failures(RunView view, StringBuilder md) {
    List<BuildRecord> failed = view.failedBuilds();
    if (failed.isEmpty()) {
      return;
    }
    md.append("## Failed builds\n\n");
    for (BuildRecord b : failed) {
      md.append("- ")
          .append(b.variant())
          .append(" / ")
          .append(b.change())
          .append(" #")
          .append(b.repetition())
          .append(": ")
          .append(escape(b.error()))
          .append("\n");
    }
    md.append("\n");
  }

  static String cell(Summary s) {
    if (s.count() == 1) {
      return secs(s.median());
    }
    return secs(s.median()) + " (" + secs(s.min()) + "–" + secs(s.max()) + ")";
  }

  /**
   * {@code " (5.0–12.0× between the extremes)"}, or nothing when each cell has one build and the
   * range says no more than the ratio.
   */
  static String ratioRange(Ratio r) {
    if (!r.isDefined() || r.low() == r.high()) {
      return "";
    }
    return String.format(Locale.ROOT, " (%.1f–%.1f× between the extremes)", r.low(), r.high());
  }

  static String secs(double s) {
    return String.format(Locale.ROOT, s < 10 ? "%.2f" : "%.1f", s);
  }

  private static String shorten(String instruction) {
    return instruction.length() > 70 ? instruction.substring(0, 67) + "..." : instruction;
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
