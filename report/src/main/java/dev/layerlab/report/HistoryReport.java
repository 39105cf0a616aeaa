package dev.layerlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link History} as a terminal table (cells × runs) or as JSON. */
public final class HistoryReport {

  private HistoryReport() {}

  /**
   * Cell rows, run columns oldest to newest, medians in seconds, and the newest median against the
   * oldest. A run marked {@code *} stopped early or still has shards to finish.
   */
  public static String text(History h) {
    StringBuilder out = new StringBuilder();
    out.append(h.scenario())
        .append(": median build seconds per cell, ")
        .append(h.runs().size())
        .append(h.runs().size() == 1 ? " run" : " runs")
        .append(", oldest first\n");
    if (h.runs().isEmpty()) {
      return out.append("  (no runs stored)\n").toString();
    }
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("cell"));
    h.runs().forEach(r -> header.add(r.runId() + (r.complete() ? "" : "*")));
    header.add("newest vs oldest");
    rows.add(header.toArray(String[]::new));
    for (History.Series s : h.cells()) {
      List<String> row = new ArrayList<>(List.of(s.label()));
      s.medians().forEach(m -> row.add(Double.isNaN(m) ? "–" : SummaryReport.secs(m)));
      row.add(trend(s.medians()));
      rows.add(row.toArray(String[]::new));
    }
    int[] width = new int[header.size()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int i = 0; i < row.length; i++) {
        line.append(' ')
            .append(String.format(Locale.ROOT, "%" + (i == 0 ? "-" : "") + width[i] + "s", row[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (h.runs().stream().anyMatch(r -> !r.complete())) {
      out.append("  * incomplete: stopped early, or a shard has not finished\n");
    }
    return out.toString();
  }

  /** {@code +12%} when the newest median is 12% above the oldest; empty when either is missing. */
  static String trend(List<Double> medians) {
    Double first = medians.stream().filter(m -> !Double.isNaN(m)).findFirst().orElse(null);
    Double last = null;
    for (Double m : medians) {
      if (!Double.isNaN(m)) {
        last = m;
      }
    }
    if (first == null
        || last == null
        || medians.stream().filter(m -> !Double.isNaN(m)).count() < 2) {
      return "";
    }
    return String.format(Locale.ROOT, "%+.0f%%", 100 * (last - first) / first);
  }

  /** The histories as one JSON document: {@code [{scenario, runs: [...], cells: [...]}]}. */
  public static String json(List<History> histories) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode all = f.arrayNode();
    for (History h : histories) {
      ObjectNode node = all.addObject();
      node.put("scenario", h.scenario());
      ArrayNode runs = node.putArray("runs");
      for (History.Run r : h.runs()) {
        runs.addObject()
            .put("runId", r.runId())
            .put("startedAt", r.startedAt().toString())
            .put("complete", r.complete());
      }
      ArrayNode cells = node.putArray("cells");
      for (History.Series s : h.cells()) {
        ObjectNode cell = cells.addObject().put("variant", s.variant()).put("change", s.change());
        ArrayNode medians = cell.putArray("medianSeconds");
        s.medians().forEach(m -> medians.add(Double.isNaN(m) ? null : m));
      }
    }
    try {
      return JsonReport.mapper().writeValueAsString(all) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
