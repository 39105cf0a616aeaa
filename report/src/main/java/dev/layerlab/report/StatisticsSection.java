package dev.layerlab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlab.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The statistics of every cell, as the JSON {@code statistics} section, the summary's spread table,
 * and the outlier warnings both share.
 */
final class StatisticsSection {

  private StatisticsSection() {}

  /** {@code {"cells": [...], "startups": [...]}}; a figure that does not exist is null. */
  static ObjectNode json(RunView view) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode stats = f.objectNode();
    ArrayNode cells = stats.putArray("cells");
    for (RunView.Cell c : view.cells()) {
      ObjectNode cell = cells.addObject();
      cell.put("variant", c.variant());
      cell.put("change", c.change());
      cell.put("failed", c.failed());
      summary(cell, c.seconds());
    }
    ArrayNode startups = stats.putArray("startups");
    for (String mode : view.startupModes()) {
      ObjectNode s = startups.addObject();
      s.put("mode", mode);
      summary(s, view.startupSummary(mode));
    }
    return stats;
  }

  private static void summary(ObjectNode node, Summary s) {
    node.put("count", s.count());
    number(node, "median", s.median());
    number(node, "mean", s.mean());
    number(node, "stdDev", s.stdDev());
    number(node, "min", s.min());
    number(node, "max", s.max());
    number(node, "mad", s.mad());
    ArrayNode outliers = node.putArray("outlierRepetitions");
    s.outliers().forEach(outliers::add);
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  /** The summary's table of spread per cell, and a warning per outlier under it. */
  static void markdown(RunView view, StringBuilder md) {
    // A cell none of whose builds succeeded is listed under the failed builds, not here.
    List<RunView.Cell> cells = view.cells().stream().filter(c -> !c.seconds().isEmpty()).toList();
    if (cells.isEmpty()) {
      return;
    }
    md.append("## Spread per cell (seconds)\n\n")
        .append("σ is the sample standard deviation; MAD the median absolute deviation. A build")
        .append(" more than ")
        .append((int) Summary.OUTLIER_LIMIT)
        .append(" scaled MADs (1.4826 × MAD) from its cell's median is an outlier.\n\n")
        .append("| variant | change | n | median | mean | σ | MAD | min | max | outliers |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (RunView.Cell c : cells) {
      Summary s = c.seconds();
      md.append("| ")
          .append(c.variant())
          .append(" | ")
          .append(c.change())
          .append(" | ")
          .append(s.count())
          .append(c.failed() > 0 ? " (+" + c.failed() + " failed)" : "")
          .append(" | ")
          .append(figure(s.median()))
          .append(" | ")
          .append(figure(s.mean()))
          .append(" | ")
          .append(figure(s.stdDev()))
          .append(" | ")
          .append(figure(s.mad()))
          .append(" | ")
          .append(figure(s.min()))
          .append(" | ")
          .append(figure(s.max()))
          .append(" | ")
          .append(s.outliers().isEmpty() ? "" : repetitions(s.outliers()))
          .append(" |\n");
    }
    md.append("\n");
    List<String> warnings = warnings(view);
    if (!warnings.isEmpty()) {
      warnings.forEach(w -> md.append("> **Outlier**: ").append(w).append("\n>\n"));
      md.setLength(md.length() - 2);
      md.append("\n");
    }
  }

  /** One sentence per outlying build: which, how far off, and what to do. */
  static List<String> warnings(RunView view) {
    List<String> out = new ArrayList<>();
    for (RunView.Cell c : view.cells()) {
      Summary s = c.seconds();
      for (int rep : s.outliers()) {
        double seconds =
            view.builds(c.variant(), c.change()).stream()
                .filter(b -> b.repetition() == rep)
                .mapToDouble(dev.layerlab.measure.BuildRecord::seconds)
                .findFirst()
                .orElse(Double.NaN);
        out.add(
            String.format(
                Locale.ROOT,
                "%s / %s repetition %d took %s s, %.1f scaled MADs from the cell's median %s s;"
                    + " its median is still sound, but check the machine's load or rerun with"
                    + " more repetitions.",
                c.variant(),
                c.change(),
                rep,
                SummaryReport.secs(seconds),
                s.madsFromMedian(seconds),
                SummaryReport.secs(s.median())));
      }
    }
    return out;
  }

  static String repetitions(List<Integer> reps) {
    return reps.stream().map(r -> "#" + r).collect(Collectors.joining(" "));
  }

  static String figure(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }
}
