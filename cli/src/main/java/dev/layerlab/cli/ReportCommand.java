package dev.layerlab.cli;

import dev.layerlab.measure.RunResult;
import dev.layerlab.report.JsonReport;
import dev.layerlab.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab report}: renders a run's report again from its results.json. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a run's report files (CSV, Markdown, charts) again from its results.json, for"
          + " example after upgrading layerlab. Measures nothing; needs no Docker."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run's report directory.")
  Path runDir;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    Path json = runDir.resolve("results.json");
    if (!Files.isRegularFile(json)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          json + ": no results.json; name a directory that" + " layerlab bench wrote");
    }
    try {
      RunResult run = JsonReport.read(json);
      List<String> files = RunReport.write(run, runDir);
      spec.commandLine()
          .getOut()
          .println("report: " + runDir.resolve("summary.md") + " (" + files.size() + " files)");
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, json + ": cannot read or write: " + e.getMessage(), e);
    }
  }
}
