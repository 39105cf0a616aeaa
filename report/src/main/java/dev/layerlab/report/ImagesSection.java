package dev.layerlab.report;

import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.WastedPath;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The wasted bytes and efficiency of each cold-built image: {@code images.csv}, {@code
 * wasted-paths.csv}, and a section of {@code summary.md} and {@code report.html}.
 */
final class ImagesSection {

  static final String[] IMAGE_COLUMNS = {
    "scenario",
    "variant",
    "builder",
    "image_id",
    "layers",
    "total_bytes",
    "wasted_bytes",
    "efficiency_percent",
    "analysis_seconds"
  };

  static final String[] WASTED_COLUMNS = {
    "scenario",
    "variant",
    "builder",
    "path",
    "bytes",
    "written_layer",
    "written_by",
    "removed_layer",
    "removed_by",
    "how"
  };

  private static final String EXPLANATION =
      "Bytes in the layers of each variant's cold-built image that no container sees: a file"
          + " written in one layer and overwritten or deleted (whiteout, opaque directory) in a"
          + " later one still ships in the first. Efficiency is 1 − wasted / total, where total"
          + " is the content of every regular file in every layer, the base image's included."
          + " The analysis ran after the timed builds.";

  private ImagesSection() {}

  static void writeImages(RunResult run, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(IMAGE_COLUMNS).get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, format)) {
      for (ImageEfficiency i : run.images()) {
        csv.printRecord(
            run.scenario(),
            i.variant(),
            i.builder(),
            i.imageId(),
            i.layers(),
            i.totalBytes(),
            i.wastedBytes(),
            String.format(Locale.ROOT, "%.2f", i.efficiencyPercent()),
            String.format(Locale.ROOT, "%.3f", i.analysisSeconds()));
      }
    }
  }

  static void writeWasted(RunResult run, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(WASTED_COLUMNS).get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, format)) {
      for (ImageEfficiency i : run.images()) {
        for (WastedPath p : i.topWasted()) {
          csv.printRecord(
              run.scenario(),
              i.variant(),
              i.builder(),
              p.path(),
              p.bytes(),
              p.writtenLayer(),
              p.writtenBy(),
              p.removedLayer(),
              p.removedBy(),
              p.how());
        }
      }
    }
  }

  static void markdown(RunView view, StringBuilder md) {
    RunResult run = view.run();
    if (run.images().isEmpty()) {
      return;
    }
    md.append("## Image efficiency\n\n")
        .append(EXPLANATION)
        .append("\n\n| image | layers | total | wasted | efficiency | analysed in |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (ImageEfficiency i : run.images()) {
      md.append("| ")
          .append(view.label(i.variant(), i.builder()))
          .append(" | ")
          .append(i.layers())
          .append(" | ")
          .append(Html.bytes(i.totalBytes()))
          .append(" | ")
          .append(Html.bytes(i.wastedBytes()))
          .append(" | ")
          .append(percent(i))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f s", i.analysisSeconds()))
          .append(" |\n");
    }
    md.append("\n");
    if (run.images().stream().allMatch(i -> i.topWasted().isEmpty())) {
      return;
    }
    md.append("Largest wasted files:\n\n")
        .append("| image | path | bytes | written by | hidden by | how |\n")
        .append("|---|---|---:|---|---|---|\n");
    for (ImageEfficiency i : run.images()) {
      for (WastedPath p : i.topWasted()) {
        md.append("| ")
            .append(view.label(i.variant(), i.builder()))
            .append(" | `/")
            .append(cell(p.path()))
            .append("` | ")
            .append(Html.bytes(p.bytes()))
            .append(" | layer ")
            .append(p.writtenLayer())
            .append(", ")
            .append(cell(p.writtenBy()))
            .append(" | layer ")
            .append(p.removedLayer())
            .append(", ")
            .append(cell(p.removedBy()))
            .append(" | ")
            .append(p.how())
            .append(" |\n");
      }
    }
    md.append("\n");
  }

  static void html(RunView view, StringBuilder h) {
    RunResult run = view.run();
    if (run.images().isEmpty()) {
      return;
    }
    h.append("<section id=\"efficiency\"><h2>Image efficiency</h2>\n<p>")
        .append(Html.esc(EXPLANATION))
        .append("</p>\n<table><tr><th>image</th><th>total</th><th>wasted</th>")
        .append("<th>efficiency</th><th>largest wasted file</th></tr>\n");
    for (ImageEfficiency i : run.images()) {
      h.append("<tr><td>")
          .append(Html.esc(view.label(i.variant(), i.builder())))
          .append("</td><td class=\"n\">")
          .append(Html.bytes(i.totalBytes()))
          .append("</td><td class=\"n\">")
          .append(Html.bytes(i.wastedBytes()))
          .append("</td><td class=\"n\">")
          .append(percent(i))
          .append("</td><td>");
      if (!i.topWasted().isEmpty()) {
        WastedPath p = i.topWasted().get(0);
        h.append("<code>/")
            .append(Html.esc(p.path()))
            .append("</code> (")
            .append(Html.bytes(p.bytes()))
            .append("), written by <code>")
            .append(Html.esc(p.writtenBy()))
            .append("</code>, ")
            .append(Html.esc(p.how()))
            .append(" by <code>")
            .append(Html.esc(p.removedBy()))
            .append("</code>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</table></section>\n");
  }

  private static String percent(ImageEfficiency i) {
    return String.format(Locale.ROOT, "%.1f%%", i.efficiencyPercent());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }
}
