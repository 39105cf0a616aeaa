package dev.layerlab.report;

import dev.layerlab.stats.Ratio;
import dev.layerlab.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a bench prints when it ends: one row per cell with median, mean, σ, min, max, count and
 * outlying repetitions, then the outlier warnings, then how much faster the fastest variant is than
 * the slowest after each change.
 */
public final class StatsTable {

  private StatsTable() {}

  public static String render(RunView view) {
    List<RunView.Cell> cells = view.cells();
    if (cells.isEmpty()) {
      return "no successful builds to summarise\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"cell", "median", "mean", "σ", "min", "max", "n", "outliers"});
    for (RunView.Cell c : cells) {
      Summary s = c.seconds();
      rows.add(
          new String[] {
            c.variant() + " / " + c.change(),
            StatisticsSection.figure(s.median()),
            StatisticsSection.figure(s.mean()),
            StatisticsSection.figure(s.stdDev()),
            StatisticsSection.figure(s.min()),
            StatisticsSection.figure(s.max()),
            s.count() + (c.failed() > 0 ? "+" + c.failed() + "F" : ""),
            StatisticsSection.repetitions(s.outliers())
          });
    }
    StringBuilder out = new StringBuilder();
    out.append("Build seconds per cell:\n");
    table(rows, out);
    for (String w : StatisticsSection.warnings(view)) {
      out.append("warning: outlier: ").append(w).append('\n');
    }
    speedups(view, out);
    return out.toString();
  }

  private static void table(List<String[]> rows, StringBuilder out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        boolean text = i == 0 || i == columns - 1;
        String format = "%" + (text ? "-" : "") + width[i] + "s";
        line.append(String.format(Locale.ROOT, format, row[i])).append(i < columns - 1 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static void speedups(RunView view, StringBuilder out) {
    // Timings of different builders are never compared: their caches behave differently.
    for (String builder : view.builders()) {
      speedups(view, view.variants(builder), out);
    }
  }

  private static void speedups(RunView view, List<String> variants, StringBuilder out) {
    if (variants.size() < 2) {
      return;
    }
    for (String change : view.changes()) {
      String fastest = null;
      String slowest = null;
      for (String v : variants) {
        Summary s = view.buildSummary(v, change);
        if (s.isEmpty()) {
          continue;
        }
        if (fastest == null || s.median() < view.buildSummary(fastest, change).median()) {
          fastest = v;
        }
        if (slowest == null || s.median() > view.buildSummary(slowest, change).median()) {
          slowest = v;
        }
      }
      if (fastest == null || fastest.equals(slowest)) {
        continue;
      }
      Ratio r = Ratio.of(view.buildSummary(slowest, change), view.buildSummary(fastest, change));
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %s is %.2f× as fast as %s (%.2f–%.2f× between the extremes%s)%n",
              change,
              fastest,
              r.median(),
              slowest,
              r.low(),
              r.high(),
              r.isClear() ? "" : "; the ranges overlap, so the difference may be noise"));
    }
  }
}
