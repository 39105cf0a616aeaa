package dev.layerlab.cli;

import dev.layerlab.measure.RunResult;
import dev.layerlab.report.JsonReport;
import dev.layerlab.report.RunReport;
import dev.layerlab.report.RunView;
import dev.layerlab.report.StatsTable;
import dev.layerlab.store.Store;
import dev.layerlab.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
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

  @Parameters(
      paramLabel = "RUN_DIR",
      arity = "0..1",
      description =
          "A run's report directory; with --run-id, where to write (default:"
              + " reports/<scenario>/<run-id>).")
  Path runDir;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "Read the run from the store instead of results.json: all its shards, merged.")
  String runId;

  @Option(
      names = "--store",
      paramLabel = "JDBC_URL",
      description = "The store to read with --run-id (default: reports/layerlab.sqlite).")
  String store;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    if (runId != null) {
      return fromStore();
    }
    if (runDir == null) {
      throw new Failure(ExitCodes.BAD_INPUT, "name a RUN_DIR, or a stored run with --run-id");
    }
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

  private Integer fromStore() {
    RunResult run;
    String where;
    try (Store s = StoreReader.open(store)) {
      where = s.where();
      run =
          s.load(runId)
              .orElseThrow(() -> new Failure(ExitCodes.BAD_INPUT, where + " has no run " + runId));
    } catch (StoreException e) {
      throw new Failure(ExitCodes.STORE_UNAVAILABLE, e.getMessage(), e);
    }
    Path dir =
        runDir != null
            ? runDir
            : StoreReader.DEFAULT_REPORTS.resolve(run.scenario()).resolve(runId);
    try {
      List<String> files = RunReport.write(run, dir);
      PrintWriter out = spec.commandLine().getOut();
      out.print(StatsTable.render(new RunView(run)));
      out.println(
          "report: "
              + dir.resolve("summary.md")
              + " ("
              + files.size()
              + " files, from "
              + where
              + (run.complete() ? "" : "; the run is incomplete")
              + ")");
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, dir + ": cannot write: " + e.getMessage(), e);
    }
  }
}
