package dev.layerlab.report;

import static dev.layerlab.report.Html.esc;

import dev.layerlab.advice.Finding;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.stats.Ratio;
import dev.layerlab.stats.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page with the headline, the charts as inline SVG,
 * the agreement table, findings, the rewrite diff and the environment. It loads nothing from
 * anywhere, so it reads the same offline and as a CI artifact.
 */
public final class HtmlReport {

  private static final String CSS =
      """
      body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;\
      color:#222;line-height:1.45}
      h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
      .headline{background:#eef5ee;border-left:4px solid #55A868;padding:.6em 1em;margin:.6em 0}
      .warn{background:#fbeeee;border-left:4px solid #C44E52;padding:.6em 1em}
      table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .6em}
      th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
      svg{max-width:100%;height:auto;display:block;margin:.8em 0}
      pre{background:#f7f7f7;padding:.6em;overflow-x:auto}
      .add{background:#e6ffec;display:block}.del{background:#ffebe9;display:block}
      code{font-family:ui-monospace,monospace}.muted{color:#666;font-size:.9em}
      """;

  private HtmlReport() {}

  /**
   * Writes the page for a run whose XChart charts are already in {@code dir}; a chart file that is
   * missing leaves its section with the hand-drawn charts only.
   */
  public static void write(RunView view, Path dir, Path file) throws IOException {
    Files.writeString(file, render(view, dir), StandardCharsets.UTF_8);
  }

  static String render(RunView view, Path chartDir) throws IOException {
    RunResult run = view.run();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>")
        .append(esc(run.scenario() + ": bench run " + run.runId()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n<h1>")
        .append(esc(run.scenario()))
        .append(": bench run ")
        .append(esc(run.runId()))
        .append("</h1>\n");
    if (!run.complete()) {
      h.append("<p class=\"warn\">This run stopped early: the page covers only what was measured")
          .append(" before it stopped.</p>\n");
    }
    headline(view, h);
    rebuildSection(view, chartDir, h);
    waterfallSection(view, h);
    layerSection(view, h);
    ImagesSection.html(view, h);
    startupSection(view, chartDir, h);
    predictionSection(view, h);
    adviceSection(view, h);
    environmentSection(run, h);
    return h.append("</body></html>\n").toString();
  }

  private static void headline(RunView view, StringBuilder h) {
    h.append("<section id=\"headline\"><h2>What to change</h2>\n");
    boolean any = false;
    for (VariantAdvice a : view.run().advice()) {
      if (a.findings().isEmpty() || a.rewritten().isEmpty() || a.measuredAs().isEmpty()) {
        continue;
      }
      for (String builder : view.builders()) {
        String original = view.label(a.variant(), builder);
        String rewrite = view.label(a.measuredAs().get(), builder);
        Summary before = view.buildSummary(original, "edit-source");
        Summary after = view.buildSummary(rewrite, "edit-source");
        if (before.isEmpty() || after.isEmpty()) {
          continue;
        }
        any = true;
        Ratio r =
            Ratio.of(
                view.buildSummary(original, "edit-source"),
                view.buildSummary(rewrite, "edit-source"));
        h.append("<p class=\"headline\">With the <b>")
            .append(esc(builder))
            .append("</b> builder: in <code>")
            .append(esc(a.dockerfile()))
            .append("</code>, ")
            .append(prose(a.findings().get(0).fix()))
            .append(". After a source edit that rebuilds in <b>")
            .append(SummaryReport.secs(after.median()))
            .append(" s</b> instead of ")
            .append(SummaryReport.secs(before.median()))
            .append(" s: ")
            .append(String.format(Locale.ROOT, "%.1f×", before.median() / after.median()))
            .append(" faster")
            .append(esc(SummaryReport.ratioRange(r)))
            .append(", measured as <code>")
            .append(esc(a.measuredAs().get()))
            .append("</code>")
            .append(esc(VerificationText.headline(a)))
            .append(".</p>\n");
      }
    }
    if (!any) {
      h.append("<p>No rewrite was measured after a source edit in this run; see the findings.</p>");
    }
    h.append("</section>\n");
  }

  private static void rebuildSection(RunView view, Path chartDir, StringBuilder h)
      throws IOException {
    h.append("<section id=\"rebuild\"><h2>Rebuild time per change</h2>\n")
        .append("<p>Each variant built once cold, then rebuilt on the warm cache after each change")
        .append(" pattern; the dot is the median of the repetitions, the line runs from the")
        .append(" fastest to the slowest build.</p>\n")
        .append(SvgCharts.spread(view));
    embed(chartDir.resolve("rebuild-time.svg"), h);
    h.append("<table><tr><th>variant</th>");
    view.changes().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>\n");
    for (String v : view.variants()) {
      h.append("<tr><td>").append(esc(v)).append("</td>");
      for (String c : view.changes()) {
        Summary s = view.buildSummary(v, c);
        h.append("<td class=\"n\">").append(s.isEmpty() ? "–" : SummaryReport.cell(s));
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table><p class=\"muted\">Seconds: median (min–max).</p></section>\n");
  }

  private static void waterfallSection(RunView view, StringBuilder h) {
    String change = view.changes().contains("edit-source") ? "edit-source" : "cold";
    h.append("<section id=\"waterfall\"><h2>Where the time goes, step by step</h2>\n")
        .append("<p>The first <code>")
        .append(esc(change))
        .append("</code> build of each variant: one bar per step, its length the step's")
        .append(" seconds, green when the cache served it, red when it ran.</p>\n");
    for (String v : view.variants()) {
      List<BuildRecord> builds = view.builds(v, change);
      if (builds.isEmpty() || builds.get(0).steps().isEmpty()) {
        continue;
      }
      BuildRecord b = builds.get(0);
      h.append(
          SvgCharts.waterfall(
              b,
              v
                  + " / "
                  + change
                  + " #"
                  + b.repetition()
                  + ": "
                  + SummaryReport.secs(b.seconds())
                  + " s"));
    }
    h.append("</section>\n");
  }

  private static void layerSection(RunView view, StringBuilder h) {
    List<String> labels = new ArrayList<>();
    List<BuildRecord> builds = new ArrayList<>();
    for (String v : view.variants()) {
      List<BuildRecord> cold = view.builds(v, "cold");
      if (!cold.isEmpty()) {
        labels.add(v);
        builds.add(cold.get(0));
      }
    }
    if (builds.isEmpty()) {
      return;
    }
    h.append("<section id=\"layers\"><h2>Layer sizes</h2>\n")
        .append(SvgCharts.layers(labels, builds))
        .append("<table><tr><th>variant</th><th>step</th><th>layer</th></tr>\n");
    for (int i = 0; i < builds.size(); i++) {
      for (StepRecord s : builds.get(i).steps()) {
        if (s.layerBytes() > 0) {
          h.append("<tr><td>")
              .append(esc(labels.get(i)))
              .append("</td><td><code>")
              .append(esc("#" + s.index() + " " + s.instruction()))
              .append("</code></td><td class=\"n\">")
              .append(Html.bytes(s.layerBytes()))
              .append("</td></tr>\n");
        }
      }
    }
    h.append("</table></section>\n");
  }

  private static void startupSection(RunView view, Path chartDir, StringBuilder h)
      throws IOException {
    if (view.startupModes().isEmpty()) {
      return;
    }
    h.append("<section id=\"startup\"><h2>Start-up time per mode</h2>\n")
        .append("<p><code>baked</code>: the image with code and dependencies, run without a")
        .append(" network. <code>mounted</code>: the code mounted into the base image,")
        .append(" dependencies installed at start.</p>\n");
    embed(chartDir.resolve("startup-time.svg"), h);
    h.append("<table><tr><th>mode</th><th>median</th><th>min</th><th>max</th><th>runs</th></tr>");
    for (String mode : view.startupModes()) {
      Summary s = view.startupSummary(mode);
      h.append("<tr><td>").append(esc(mode)).append("</td>");
      for (double v : new double[] {s.median(), s.min(), s.max()}) {
        h.append("<td class=\"n\">").append(s.isEmpty() ? "–" : SummaryReport.secs(v));
        h.append("</td>");
      }
      h.append("<td class=\"n\">").append(s.count()).append("</td></tr>\n");
    }
    h.append("</table></section>\n");
  }

  private static void predictionSection(RunView view, StringBuilder h) {
    List<PredictionRecord> all = view.run().predictions();
    if (all.isEmpty()) {
      return;
    }
    h.append("<section id=\"prediction\"><h2>Prediction against the engine</h2>\n")
        .append("<p>Before every build layerlab's cache model predicted which steps the builder")
        .append(" would reuse; the engine then reported what it did.</p>\n")
        .append("<table><tr><th>builder</th><th>steps predicted right</th><th>agreement</th></tr>");
    for (RunView.Agreement a : view.agreement()) {
      h.append("<tr><td>")
          .append(esc(a.builder()))
          .append("</td><td class=\"n\">")
          .append(a.right())
          .append(" of ")
          .append(a.steps())
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.1f%%", a.percent()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    List<PredictionRecord> wrong = view.disagreements();
    if (!wrong.isEmpty()) {
      h.append("<p>Disagreements:</p><ul>");
      for (PredictionRecord p : wrong) {
        h.append("<li>")
            .append(
                esc(
                    p.builder()
                        + " "
                        + p.variant()
                        + " / "
                        + p.change()
                        + " #"
                        + p.repetition()
                        + ", line "
                        + p.line()
                        + ": "))
            .append("<code>")
            .append(esc(p.instruction()))
            .append("</code>")
            .append(esc(", " + p.answers()))
            .append(p.cause().isEmpty() ? "" : " (" + esc(p.cause()) + ")")
            .append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");
  }

  /** Escaped text whose {@code `quoted`} spans, as advice writes them, become code. */
  static String prose(String text) {
    return esc(text).replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  private static void adviceSection(RunView view, StringBuilder h) {
    List<VariantAdvice> advice = view.run().advice();
    if (advice.isEmpty()) {
      return;
    }
    h.append("<section id=\"advice\"><h2>Findings and the rewrite</h2>\n");
    for (VariantAdvice a : advice) {
      h.append("<h3>")
          .append(esc(a.variant()))
          .append(" (<code>")
          .append(esc(a.dockerfile()))
          .append("</code>)</h3>\n");
      if (a.findings().isEmpty()) {
        h.append("<p>No findings.</p>\n");
        continue;
      }
      h.append("<ul>");
      for (Finding f : a.findings()) {
        h.append("<li><b>")
            .append(esc(f.ruleId()))
            .append("</b> line ")
            .append(f.line())
            .append(": ")
            .append(prose(f.message()))
            .append(". Fix: ")
            .append(prose(f.fix()))
            .append(".</li>\n");
      }
      h.append("</ul>\n");
      if (a.rewritten().isEmpty()) {
        h.append(
            "<p>layerlab could not fix this by moving lines or adding a dependency-only step; no rewrite is offered.</p>\n");
        continue;
      }
      h.append("<ul>");
      a.edits().forEach(e -> h.append("<li>").append(prose(e)).append("</li>"));
      h.append("</ul>\n");
      if (a.measuredAs().isPresent()) {
        h.append("<p>").append(prose(VerificationText.sentence(a))).append("</p>\n");
        List<String> differences = VerificationText.differences(a);
        if (!differences.isEmpty()) {
          h.append("<ul>");
          differences.forEach(d -> h.append("<li><code>").append(esc(d)).append("</code></li>"));
          h.append("</ul>\n");
        }
      }
      h.append("<p>The instructions the engine ran for <code>")
          .append(esc(a.variant()))
          .append("</code> against those of the rewrite:</p>\n<pre>");
      for (LineDiff.Line l : LineDiff.diff(original(view, a), instructions(a.rewritten().get()))) {
        String cls = l.op() == '+' ? " class=\"add\"" : l.op() == '-' ? " class=\"del\"" : "";
        h.append("<span")
            .append(cls)
            .append(">")
            .append(l.op())
            .append(' ')
            .append(esc(l.text()))
            .append("</span>")
            .append(cls.isEmpty() ? "\n" : "");
      }
      h.append("</pre>\n<details><summary>The rewritten Dockerfile</summary><pre>")
          .append(esc(a.rewritten().get()))
          .append("</pre></details>\n");
    }
    h.append("</section>\n");
  }

  /** The instructions of a variant's first cold build, as the engine reported them. */
  private static List<String> original(RunView view, VariantAdvice a) {
    return view.run().builds().stream()
        .filter(b -> b.variant().equals(a.variant()) && b.change().equals("cold"))
        .findFirst()
        .map(b -> b.steps().stream().map(StepRecord::instruction).toList())
        .orElse(List.of());
  }

  /** A Dockerfile's instructions, one per entry: continuations joined, comments dropped. */
  static List<String> instructions(String dockerfile) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : dockerfile.split("\n", -1)) {
      String line = raw.strip();
      if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1).strip() + " " : line);
      if (!continues) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static void environmentSection(RunResult run, StringBuilder h) {
    Map<String, String> env = run.environment();
    h.append("<section id=\"environment\"><h2>Environment</h2>\n<table>");
    row(h, "Docker", env.getOrDefault("docker_version", "?"));
    row(h, "builders", env.getOrDefault("builder", "?"));
    row(h, "engine", env.getOrDefault("engine", "?"));
    row(h, "cores", env.getOrDefault("cores", "?"));
    row(h, "Java", env.getOrDefault("java", "?"));
    row(h, "repetitions", env.getOrDefault("repetitions", "?"));
    row(h, "started", String.valueOf(run.startedAt()));
    env.keySet().stream()
        .sorted()
        .filter(
            k ->
                !List.of("docker_version", "builder", "engine", "cores", "java", "repetitions")
                    .contains(k))
        .forEach(k -> row(h, k, env.get(k)));
    h.append("</table></section>\n");
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value));
    h.append("</td></tr>\n");
  }

  /** Inlines an SVG file XChart wrote, without its XML prolog and doctype. */
  private static void embed(Path svg, StringBuilder h) throws IOException {
    if (!Files.isRegularFile(svg)) {
      return;
    }
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    int start = text.indexOf("<svg");
    if (start >= 0) {
      h.append(text.substring(start)).append('\n');
    }
  }
}
