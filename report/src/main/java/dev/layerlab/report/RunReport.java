package dev.layerlab.report;

import dev.layerlab.measure.RunResult;
import dev.layerlab.secret.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes every file of a run's report into one directory. */
public final class RunReport {

  private RunReport() {}

  /** Writes the report of a run that had no secret build arguments. */
  public static List<String> write(RunResult run, Path dir) throws IOException {
    return write(run, dir, Redactor.none());
  }

  /**
   * Writes results.csv, cells.csv, startup.csv, images.csv, wasted-paths.csv, results.json, the
   * charts, summary.md and report.html into {@code dir}, with every secret value the redactor knows
   * replaced first, so that no file can hold one.
   *
   * @return the files written, relative to {@code dir}
   */
  public static List<String> write(RunResult measured, Path dir, Redactor redactor)
      throws IOException {
    // Written beside the directory first and moved in file by file, so that a full disk or a
    // failure half-way leaves the files of the last report, never a half-written one.
    Files.createDirectories(dir);
    Path parent = dir.toAbsolutePath().getParent();
    Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".writing-");
    try {
      List<String> files = writeInto(measured, staging, redactor);
      try (var written = Files.list(staging)) {
        for (Path file : written.toList()) {
          Files.move(
              file,
              dir.resolve(file.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
      return files;
    } finally {
      deleteTree(staging);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static List<String> writeInto(RunResult measured, Path dir, Redactor redactor)
      throws IOException {
    RunResult run = redactor.apply(measured);
    RunView view = new RunView(run);
    List<String> files = new ArrayList<>();
    CsvReport.writeResults(run, dir.resolve("results.csv"));
    files.add("results.csv");
    CsvReport.writeCells(view, dir.resolve("cells.csv"));
    files.add("cells.csv");
    CsvReport.writeStartups(run, dir.resolve("startup.csv"));
    files.add("startup.csv");
    ImagesSection.writeImages(run, dir.resolve("images.csv"));
    files.add("images.csv");
    ImagesSection.writeWasted(run, dir.resolve("wasted-paths.csv"));
    files.add("wasted-paths.csv");
    JsonReport.write(run, dir.resolve("results.json"));
    files.add("results.json");
    List<String> charts = new ArrayList<>(Charts.rebuildTimes(view, dir));
    if (!view.startupModes().isEmpty()) {
      charts.addAll(Charts.startupTimes(view, dir));
    }
    files.addAll(charts);
    SummaryReport.write(view, charts, dir.resolve("summary.md"));
    files.add("summary.md");
    HtmlReport.write(view, dir, dir.resolve("report.html"));
    files.add("report.html");
    return files;
  }
}
