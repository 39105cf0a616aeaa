package dev.layerlab.report;

import static dev.layerlab.report.Html.esc;
import static dev.layerlab.report.Html.num;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.stats.Summary;
import java.util.List;

/**
 * Charts XChart has no shape for, drawn as plain SVG: build-time spread, a per-step waterfall and
 * stacked layer sizes. Every text from the run is escaped.
 */
final class SvgCharts {

  static final String[] PALETTE = {
    "#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"
  };
  private static final String RAN = "#C44E52";
  private static final String CACHED = "#A6C8A0";
  private static final int WIDTH = 860;
  private static final String[] KINDS = {"FROM", "RUN", "COPY", "ADD", "other"};
  private static final String[] KIND_COLOURS = {
    "#4C72B0", "#C44E52", "#DD8452", "#8172B3", "#8C8C8C"
  };

  private SvgCharts() {}

  /**
   * Per change pattern, one row per variant: a line from the fastest to the slowest build and a dot
   * at the median, on a shared seconds axis.
   */
  static String spread(RunView view) {
    List<String> variants = view.variants();
    List<String> changes = view.changes();
    double max = 0;
    for (RunView.Cell c : view.cells()) {
      if (!c.seconds().isEmpty()) {
        max = Math.max(max, view.buildSummary(c.variant(), c.change()).max());
      }
    }
    max = niceMax(max);
    int left = 230;
    int plot = WIDTH - left - 60;
    int row = 16;
    int groupGap = 14;
    int rows = 0;
    for (String change : changes) {
      for (String v : variants) {
        rows += view.buildSummary(v, change).isEmpty() ? 0 : 1;
      }
    }
    int height = 40 + rows * row + changes.size() * (groupGap + 18) + 50;
    StringBuilder svg = open(height, "Build time per change pattern: median and min–max");
    int y = 30;
    for (String change : changes) {
      y += groupGap;
      svg.append(text(8, y + 10, esc(change), "font-weight:bold"));
      y += 18;
      for (int i = 0; i < variants.size(); i++) {
        Summary s = view.buildSummary(variants.get(i), change);
        if (s.isEmpty()) {
          continue;
        }
        String colour = PALETTE[i % PALETTE.length];
        double x0 = left + plot * s.min() / max;
        double x1 = left + plot * s.max() / max;
        double xm = left + plot * s.median() / max;
        double cy = y + row / 2.0;
        svg.append(text(20, y + 12, esc(Html.shorten(variants.get(i), 34)), ""));
        svg.append(
            String.format(
                "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"3\"/>",
                num(x0), num(cy), num(Math.max(x1, x0 + 1)), num(cy), colour));
        svg.append(
            String.format(
                "<circle cx=\"%s\" cy=\"%s\" r=\"5\" fill=\"%s\"><title>%s</title></circle>",
                num(xm), num(cy), colour, esc(tooltip(variants.get(i), change, s))));
        svg.append(
            text(
                (int) Math.max(x1, xm) + 8,
                y + 12,
                SummaryReport.cell(s) + " s",
                "fill:#444;font-size:11px"));
        y += row;
      }
    }
    axis(svg, left, plot, y + 6, max, "(dot: median; line: fastest to slowest build)");
    return svg.append("</svg>\n").toString();
  }

  /**
   * One horizontal bar per step of a build, starting where the previous step ended: cached steps in
   * green, steps that ran in red.
   */
  static String waterfall(BuildRecord build, String title) {
    List<StepRecord> steps = build.steps();
    double total = steps.stream().mapToDouble(StepRecord::seconds).sum();
    double max = niceMax(Math.max(total, 0.001));
    AxisUnit unit = AxisUnit.forMax(max);
    int left = 330;
    int plot = WIDTH - left - 70;
    int row = 18;
    int height = 40 + steps.size() * row + 70;
    StringBuilder svg = open(height, title);
    double start = 0;
    int y = 34;
    for (StepRecord s : steps) {
      double x0 = left + plot * start / max;
      double w = Math.max(plot * s.seconds() / max, s.cached() ? 1 : 3);
      String label = "#" + s.index() + " " + Html.shorten(s.instruction(), 44);
      svg.append(text(8, y + 13, esc(label), "font-family:monospace;font-size:11px"));
      svg.append(
          String.format(
              "<rect x=\"%s\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\">"
                  + "<title>%s</title></rect>",
              num(x0),
              y + 2,
              num(w),
              row - 5,
              s.cached() ? CACHED : RAN,
              esc(
                  s.instruction()
                      + (s.cached() ? " (cached) " : " (ran) ")
                      + unit.value(s.seconds()))));
      svg.append(
          text((int) (x0 + w) + 5, y + 13, unit.value(s.seconds()), "fill:#444;font-size:11px"));
      start += s.seconds();
      y += row;
    }
    axis(svg, left, plot, y + 6, max, "since the build started");
    legend(svg, y + 48, new String[] {CACHED, RAN}, new String[] {"cached", "ran"});
    return svg.append("</svg>\n").toString();
  }

  /** One stacked bar per image: a segment per step's layer, in step order. */
  static String layers(List<String> labels, List<BuildRecord> builds) {
    long max = 1;
    int maxSteps = 0;
    for (BuildRecord b : builds) {
      max = Math.max(max, b.steps().stream().mapToLong(StepRecord::layerBytes).sum());
      maxSteps = Math.max(maxSteps, b.steps().size());
    }
    int left = 230;
    int plot = WIDTH - left - 90;
    int row = 26;
    int height = 40 + builds.size() * row + 44;
    StringBuilder svg = open(height, "Image size by layer (the cold build of each variant)");
    int y = 34;
    for (int i = 0; i < builds.size(); i++) {
      BuildRecord b = builds.get(i);
      svg.append(text(8, y + 16, esc(Html.shorten(labels.get(i), 34)), ""));
      double x = left;
      long sum = 0;
      for (StepRecord s : b.steps()) {
        if (s.layerBytes() <= 0) {
          continue;
        }
        double w = plot * (double) s.layerBytes() / max;
        svg.append(
            String.format(
                "<rect x=\"%s\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                    + "<title>%s</title></rect>",
                num(x),
                y + 3,
                num(Math.max(w, 0.5)),
                row - 8,
                KIND_COLOURS[kind(s.instruction())],
                esc("#" + s.index() + " " + s.instruction() + ": " + Html.bytes(s.layerBytes()))));
        x += w;
        sum += s.layerBytes();
      }
      svg.append(text((int) x + 6, y + 16, Html.bytes(sum), "fill:#444;font-size:11px"));
      y += row;
    }
    legend(svg, y + 22, KIND_COLOURS, KINDS);
    return svg.append("</svg>\n").toString();
  }

  /** The colour group of an instruction: its keyword when it makes layers of note, else "other". */
  private static int kind(String instruction) {
    String keyword = instruction.strip().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
    for (int i = 0; i < KINDS.length - 1; i++) {
      if (KINDS[i].equals(keyword)) {
        return i;
      }
    }
    return KINDS.length - 1;
  }

  private static String tooltip(String variant, String change, Summary s) {
    return variant + " / " + change + ": " + SummaryReport.cell(s) + " s over " + s.count();
  }

  private static StringBuilder open(int height, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                    + " height=\"%d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH, height, WIDTH, height))
        .append("<title>")
        .append(esc(title))
        .append("</title>")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
        .append(text(8, 18, esc(title), "font-weight:bold;font-size:14px"));
    return svg;
  }

  /**
   * Five ticks from 0 to {@code max} seconds, labelled in milliseconds when the axis ends below a
   * second (so that a build of sub-millisecond steps does not read 0.00 throughout) and with as
   * many decimals as the tick step needs; {@code name} follows the unit's name.
   */
  private static void axis(StringBuilder svg, int left, int plot, int y, double max, String name) {
    AxisUnit unit = AxisUnit.forMax(max);
    svg.append(
        String.format(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
            left, y, left + plot, y));
    for (int t = 0; t <= 5; t++) {
      double v = max * t / 5;
      double x = left + plot * t / 5.0;
      svg.append(
          String.format(
              "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#888\"/>",
              num(x), y, num(x), y + 4));
      svg.append(
          String.format(
              "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>",
              num(x), y + 16, unit.tick(v, max / 5)));
    }
    svg.append(text(left, y + 32, esc(unit.name() + " " + name), "fill:#555;font-size:11px"));
  }

  /** The unit a time axis is labelled in. */
  record AxisUnit(String name, String symbol, double factor) {

    static AxisUnit forMax(double maxSeconds) {
      return maxSeconds < 1
          ? new AxisUnit("milliseconds", "ms", 1000)
          : new AxisUnit("seconds", "s", 1);
    }

    /** A tick's label: no more decimals than the step between ticks needs, no trailing zeros. */
    String tick(double seconds, double stepSeconds) {
      double step = stepSeconds * factor;
      int decimals = 0;
      while (decimals < 6
          && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
              > 1e-6) {
        decimals++;
      }
      return new java.math.BigDecimal(seconds * factor)
          .setScale(decimals, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    }

    /** A step's time with its unit symbol. */
    String value(double seconds) {
      if (factor == 1) {
        return SummaryReport.secs(seconds) + " s";
      }
      double ms = seconds * factor;
      String pattern = ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f";
      return String.format(java.util.Locale.ROOT, pattern, ms) + " " + symbol;
    }
  }

  private static void legend(StringBuilder svg, int y, String[] colours, String[] names) {
    int x = 8;
    for (int i = 0; i < colours.length; i++) {
      svg.append(
          String.format(
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
              x, y - 10, colours[i]));
      svg.append(text(x + 16, y, names[i], ""));
      x += 90;
    }
  }

  private static String text(int x, int y, String escaped, String style) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\""
        + (style.isEmpty() ? "" : " style=\"" + style + "\"")
        + ">"
        + escaped
        + "</text>";
  }

  /** The axis end: the maximum rounded up to 1, 2 or 5 times a power of ten. */
  static double niceMax(double max) {
    if (max <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= max) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
