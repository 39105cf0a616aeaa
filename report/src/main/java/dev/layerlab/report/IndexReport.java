package dev.layerlab.report;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.stats.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The page over a bench of several scenarios: a row per scenario with the headline saving after a
 * source edit, the best and worst variant's {@code edit-source} median per builder, the cache
 * model's agreement, and a relative link to the scenario's own report. Written as {@code
 * index.html} (self-contained: inline CSS and SVG, nothing loaded from elsewhere) and {@code
 * index.md}.
 */
public final class IndexReport {

  private static final String CHANGE = "edit-source";

  /**
   * One scenario of the bench.
   *
   * @param scenario the scenario's name
   * @param run what it measured, when it got as far as a run
   * @param link the scenario's {@code report.html}, relative to the index
   * @param failure why it failed, when it did
   */
  public record Entry(
      String scenario, Optional<RunResult> run, Optional<String> link, Optional<String> failure) {

    public static Entry of(RunResult run, String link) {
      return new Entry(run.scenario(), Optional.of(run), Optional.of(link), Optional.empty());
    }

    /** A scenario that failed, with the partial report's link when one was written. */
    public static Entry failed(String scenario, Optional<String> link, String why) {
      return new Entry(scenario, Optional.empty(), link, Optional.of(why));
    }

    /** A scenario that failed after measuring something. */
    public static Entry failed(RunResult partial, String link, String why) {
      return new Entry(
          partial.scenario(), Optional.of(partial), Optional.of(link), Optional.of(why));
    }
  }

  /** The figures of one builder's builds in one scenario. */
  private record BuilderRow(
      String builder, String best, Summary bestSeconds, String worst, Summary worstSeconds) {
    double saving() {
      return worstSeconds.median() / bestSeconds.median();
    }
  }

  private IndexReport() {}

  /** Writes {@code index.html} and {@code index.md} into {@code dir}; returns their names. */
  public static List<String> write(Path dir, List<Entry> entries) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.html"), html(entries), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("index.md"), markdown(entries), StandardCharsets.UTF_8);
    return List.of("index.html", "index.md");
  }

  public static String markdown(List<Entry> entries) {
    StringBuilder md = new StringBuilder("# Bench index\n\n");
    md.append(entries.size())
        .append(" scenario(s); times are medians after a source edit (`")
        .append(CHANGE)
        .append("`), the saving is the slowest variant's over the fastest's.\n\n");
    md.append("| scenario | saving | best | worst | prediction agreement | report |\n");
    md.append("|---|---:|---|---|---|---|\n");
    for (Entry e : entries) {
      md.append("| ").append(cellText(e.scenario())).append(" | ");
      if (e.failure().isPresent()) {
        md.append("failed: ").append(cellText(e.failure().get())).append(" | – | – | – |");
      } else {
        List<BuilderRow> rows = rows(e);
        md.append(join(rows, r -> saving(r, rows.size()), "<br>")).append(" | ");
        md.append(join(rows, r -> r.builder() + ": `" + r.best() + "` " + s(r.bestSeconds())))
            .append(" | ");
        md.append(join(rows, r -> r.builder() + ": `" + r.worst() + "` " + s(r.worstSeconds())))
            .append(" | ");
        md.append(agreement(e, "<br>")).append(" |");
      }
      md.append(" ").append(e.link().map(l -> "[report](" + l + ")").orElse("–")).append(" |\n");
    }
    List<String> notes = notes(entries);
    if (!notes.isEmpty()) {
      md.append("\n");
      notes.forEach(n -> md.append("- ").append(n).append("\n"));
    }
    return md.toString();
  }

  public static String html(List<Entry> entries) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>layerlab bench index</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:72em}")
        .append("table{border-collapse:collapse;width:100%}")
        .append("th,td{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left;")
        .append("vertical-align:top}")
        .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
        .append(".failed{color:#a40000}.note{color:#555}svg{display:block}")
        .append(".best{fill:#2a7f3f}.worst{fill:#c0504d}")
        .append("</style></head><body>\n<h1>Bench index</h1>\n<p>")
        .append(entries.size())
        .append(" scenario(s); times are medians after a source edit (<code>")
        .append(CHANGE)
        .append("</code>); the saving is the slowest variant's time over the fastest's.</p>\n");
    h.append("<table><tr><th>scenario</th><th>saving</th><th>best</th><th>worst</th>")
        .append("<th>edit-source</th><th>prediction agreement</th><th>report</th></tr>\n");
    for (Entry e : entries) {
      h.append("<tr><td>").append(Html.esc(e.scenario())).append("</td>");
      if (e.failure().isPresent()) {
        h.append("<td colspan=\"5\" class=\"failed\">failed: ")
            .append(Html.esc(e.failure().get()))
            .append("</td>");
      } else {
        List<BuilderRow> rows = rows(e);
        h.append("<td class=\"num\">")
            .append(Html.esc(join(rows, r -> saving(r, rows.size()), "\n")).replace("\n", "<br>"))
            .append("</td><td>")
            .append(variantCell(rows, true))
            .append("</td><td>")
            .append(variantCell(rows, false))
            .append("</td><td>")
            .append(bars(rows))
            .append("</td><td>")
            .append(Html.esc(agreement(e, "\n")).replace("\n", "<br>"))
            .append("</td>");
      }
      h.append("<td>")
          .append(e.link().map(l -> "<a href=\"" + Html.esc(l) + "\">report.html</a>").orElse("–"))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    List<String> notes = notes(entries);
    if (!notes.isEmpty()) {
      h.append("<ul class=\"note\">");
      notes.forEach(n -> h.append("<li>").append(Html.esc(n)).append("</li>"));
      h.append("</ul>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  /** Per builder, the fastest and slowest variant after a source edit. */
  private static List<BuilderRow> rows(Entry e) {
    if (e.run().isEmpty()) {
      return List.of();
    }
    RunView view = new RunView(e.run().get());
    List<BuilderRow> rows = new ArrayList<>();
    for (String builder : view.builders()) {
      Set<String> variants = new LinkedHashSet<>();
      view.run().builds().stream()
          .filter(b -> b.builder().equals(builder))
          .map(BuildRecord::variant)
          .forEach(variants::add);
      String best = null;
      String worst = null;
      Summary bestS = null;
      Summary worstS = null;
      for (String v : variants) {
        Summary s = view.buildSummary(view.label(v, builder), CHANGE);
        if (s.isEmpty()) {
          continue;
        }
        if (bestS == null || s.median() < bestS.median()) {
          best = v;
          bestS = s;
        }
        if (worstS == null || s.median() > worstS.median()) {
          worst = v;
          worstS = s;
        }
      }
      if (best != null) {
        rows.add(new BuilderRow(builder, best, bestS, worst, worstS));
      }
    }
    return rows;
  }

  private static String saving(BuilderRow r, int builders) {
    String value =
        r.best().equals(r.worst()) ? "–" : String.format(Locale.ROOT, "%.1f×", r.saving());
    return builders > 1 ? r.builder() + " " + value : value;
  }

  private static String agreement(Entry e, String separator) {
    if (e.run().isEmpty()) {
      return "–";
    }
    List<RunView.Agreement> a = new RunView(e.run().get()).agreement();
    if (a.isEmpty()) {
      return "–";
    }
    List<String> parts = new ArrayList<>();
    for (RunView.Agreement x : a) {
      parts.add(
          String.format(
              Locale.ROOT, "%s: %d/%d (%.1f%%)", x.builder(), x.right(), x.steps(), x.percent()));
    }
    return String.join(separator, parts);
  }

  private static String variantCell(List<BuilderRow> rows, boolean best) {
    if (rows.isEmpty()) {
      return "–";
    }
    List<String> parts = new ArrayList<>();
    for (BuilderRow r : rows) {
      parts.add(
          Html.esc(r.builder())
              + ": <code>"
              + Html.esc(best ? r.best() : r.worst())
              + "</code> "
              + s(best ? r.bestSeconds() : r.worstSeconds()));
    }
    return String.join("<br>", parts);
  }

  /** Two bars per builder, best and worst, on one scale per row. */
  private static String bars(List<BuilderRow> rows) {
    if (rows.isEmpty()) {
      return "–";
    }
    double max = rows.stream().mapToDouble(r -> r.worstSeconds().median()).max().orElse(1);
    int width = 160;
    int barHeight = 8;
    int height = rows.size() * (2 * barHeight + 6);
    StringBuilder svg =
        new StringBuilder("<svg width=\"")
            .append(width)
            .append("\" height=\"")
            .append(height)
            .append("\" role=\"img\" aria-label=\"edit-source medians\">");
    int y = 0;
    for (BuilderRow r : rows) {
      for (boolean best : new boolean[] {true, false}) {
        double v = best ? r.bestSeconds().median() : r.worstSeconds().median();
        double w = max <= 0 ? 0 : Math.max(1, width * v / max);
        svg.append("<rect class=\"")
            .append(best ? "best" : "worst")
            .append("\" x=\"0\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(Html.num(w))
            .append("\" height=\"")
            .append(barHeight)
            .append("\"><title>")
            .append(Html.esc(r.builder() + " " + (best ? r.best() : r.worst()) + ": " + s(v)))
            .append("</title></rect>");
        y += barHeight + 1;
      }
      y += 4;
    }
    return svg.append("</svg>").toString();
  }

  /** Variants skipped on a builder, by scenario. */
  private static List<String> notes(List<Entry> entries) {
    List<String> notes = new ArrayList<>();
    for (Entry e : entries) {
      e.run()
          .map(r -> r.environment().get("skipped"))
          .ifPresent(s -> notes.add(e.scenario() + ": " + s));
    }
    return notes;
  }

  private static String s(Summary s) {
    return s(s.median());
  }

  private static String s(double seconds) {
    return SummaryReport.secs(seconds) + " s";
  }

  private static String join(
      List<BuilderRow> rows, java.util.function.Function<BuilderRow, String> f) {
    return join(rows, f, "<br>");
  }

  private static String join(
      List<BuilderRow> rows, java.util.function.Function<BuilderRow, String> f, String sep) {
    if (rows.isEmpty()) {
      return "–";
    }
    return String.join(sep, rows.stream().map(f).toList());
  }

  private static String cellText(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
