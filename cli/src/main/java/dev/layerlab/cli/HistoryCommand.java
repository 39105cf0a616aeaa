package dev.layerlab.cli;

import dev.layerlab.measure.RunResult;
import dev.layerlab.report.Charts;
import dev.layerlab.report.History;
import dev.layerlab.report.HistoryReport;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScenarioLoader;
import dev.layerlab.store.Store;
import dev.layerlab.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab history}: how each cell's median build time moved across stored runs. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, per scenario, each cell's median build time in every stored run, oldest first, and"
          + " the newest against the oldest. Reads the results store; needs no Docker."
    })
final class HistoryCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "SCENARIO",
      arity = "0..1",
      description = "A scenario name or directory (default: every scenario in the store).")
  String scenario;

  @Option(
      names = "--store",
      paramLabel = "JDBC_URL",
      description =
          "The store to read: a JDBC URL or a SQLite file (default: reports/layerlab.sqlite).")
  String store;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--chart",
      paramLabel = "FILE",
      description = "Also draw the medians across runs as a line chart (.png or .svg).")
  Path chart;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (chart != null && !chart.toString().endsWith(".png") && !chart.toString().endsWith(".svg")) {
      throw new Failure(ExitCodes.BAD_INPUT, "--chart " + chart + ": name a .png or .svg file");
    }
    List<History> histories = new ArrayList<>();
    try (Store s = StoreReader.open(store)) {
      List<String> names = scenario != null ? List.of(scenarioName()) : s.scenarios();
      for (String name : names) {
        List<RunResult> runs = s.history(name);
        if (runs.isEmpty() && scenario != null) {
          throw new Failure(
              ExitCodes.BAD_INPUT,
              s.where()
                  + " has no run of scenario "
                  + name
                  + (s.scenarios().isEmpty()
                      ? ""
                      : "; it has " + String.join(", ", s.scenarios())));
        }
        histories.add(History.of(name, runs));
      }
    } catch (StoreException e) {
      throw new Failure(ExitCodes.STORE_UNAVAILABLE, e.getMessage(), e);
    }
    if (format == Format.json) {
      out.print(HistoryReport.json(histories));
    } else if (histories.isEmpty()) {
      out.println("the store holds no runs yet");
    } else {
      histories.forEach(h -> out.print(HistoryReport.text(h)));
    }
    if (chart != null) {
      drawChart(histories, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void drawChart(List<History> histories, PrintWriter out) {
    if (histories.size() != 1) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--chart draws one scenario, and the store has "
              + histories.size()
              + "; name the SCENARIO");
    }
    try {
      Path parent = chart.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Charts.history(histories.get(0), chart);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, chart + ": cannot write: " + e.getMessage(), e);
    }
    if (format == Format.text) {
      out.println("chart: " + chart);
    }
  }

  /** The name itself, or the name a scenario directory declares. */
  private String scenarioName() {
    Path dir = Path.of(scenario);
    if (!Files.isDirectory(dir)) {
      return scenario;
    }
    try {
      return ScenarioLoader.load(dir).name();
    } catch (ScenarioException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
  }
}
