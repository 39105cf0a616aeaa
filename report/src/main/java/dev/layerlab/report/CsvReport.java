package dev.layerlab.report;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.stats.Summary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code results.csv} (one row per step per build) and {@code startup.csv} (one row per
 * start-up). A build that failed keeps its rows with status {@code failed}, so a failure never
 * reads as a fast build.
 */
public final class CsvReport {

  public static final String[] RESULT_COLUMNS = {
    "scenario",
    "variant",
    "change",
    "builder",
    "repetition",
    "step",
    "instruction",
    "line",
    "cached",
    "predicted_cached",
    "prediction_agrees",
    "step_seconds",
    "engine_seconds",
    "build_seconds",
    "layer_bytes",
    "image_bytes",
    "context_bytes",
    "status",
    "error"
  };
  public static final String[] STARTUP_COLUMNS = {
    "mode", "repetition", "seconds", "status", "error", "run"
  };

  public static final String[] CELL_COLUMNS = {
    "scenario",
    "variant",
    "change",
    "builds",
    "failed",
    "median_seconds",
    "mean_seconds",
    "stddev_seconds",
    "min_seconds",
    "max_seconds",
    "mad_seconds",
    "outlier_repetitions"
  };

  private CsvReport() {}

  /**
   * Writes {@code cells.csv}: one row per cell (variant after a change pattern) with the statistics
   * of its successful builds; a figure that does not exist (σ of one build) is left empty, and
   * outlier repetitions are separated by spaces.
   */
  public static void writeCells(RunView view, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CELL_COLUMNS).get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, format)) {
      for (RunView.Cell c : view.cells()) {
        Summary s = c.seconds();
        csv.printRecord(
            view.run().scenario(),
            c.variant(),
            c.change(),
            s.count(),
            c.failed(),
            optional(s.median()),
            optional(s.mean()),
            optional(s.stdDev()),
            optional(s.min()),
            optional(s.max()),
            optional(s.mad()),
            s.outliers().stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" ")));
      }
    }
  }

  private static String optional(double s) {
    return Double.isNaN(s) ? "" : seconds(s);
  }

  public static void writeResults(RunResult run, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(RESULT_COLUMNS).get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, format)) {
      Map<List<Object>, PredictionRecord> predictions = new HashMap<>();
      for (PredictionRecord r : run.predictions()) {
        predictions.putIfAbsent(
            List.of(r.variant(), r.change(), r.builder(), r.repetition(), r.line()), r);
      }
      for (BuildRecord b : run.builds()) {
        if (b.steps().isEmpty()) {
          csv.printRecord(
              run.scenario(),
              b.variant(),
              b.change(),
              b.builder(),
              b.repetition(),
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              seconds(b.seconds()),
              "",
              b.imageBytes(),
              b.contextBytes(),
              b.status().label(),
              b.error());
          continue;
        }
        for (StepRecord s : b.steps()) {
          Optional<PredictionRecord> p =
              Optional.ofNullable(
                  predictions.get(
                      List.of(b.variant(), b.change(), b.builder(), b.repetition(), s.line())));
          csv.printRecord(
              run.scenario(),
              b.variant(),
              b.change(),
              b.builder(),
              b.repetition(),
              s.index(),
              s.instruction(),
              s.line() > 0 ? s.line() : "",
              s.cached(),
              p.flatMap(PredictionRecord::predictedHit).map(Object::toString).orElse(""),
              p.map(r -> Boolean.toString(r.agrees())).orElse(""),
              seconds(s.seconds()),
              s.engineSeconds().isPresent() ? seconds(s.engineSeconds().getAsDouble()) : "",
              seconds(b.seconds()),
              s.layerBytes(),
              b.imageBytes(),
              b.contextBytes(),
              b.status().label(),
              b.error());
        }
      }
    }
  }

  public static void writeStartups(RunResult run, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(STARTUP_COLUMNS).get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, format)) {
      for (StartupRecord s : run.startups()) {
        csv.printRecord(
            s.mode(),
            s.repetition(),
            s.seconds() < 0 ? "" : seconds(s.seconds()),
            s.status().label(),
            s.error(),
            s.run());
      }
    }
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
