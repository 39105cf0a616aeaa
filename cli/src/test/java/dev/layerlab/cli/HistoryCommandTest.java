package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlab.measure.RunResult;
import dev.layerlab.report.JsonReport;
import dev.layerlab.run.Shard;
import dev.layerlab.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HistoryCommandTest {

  @TempDir Path dir;
  Path file;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void storeThreeRuns() throws Exception {
    file = dir.resolve("layerlab.sqlite");
    try (Store store = Store.open(file.toString())) {
      Instant t = Instant.parse("2026-12-01T10:00:00Z");
      // naive gets slower run by run (10, 12, 15 s); deps-first stays at 0.5 s.
      double[] naive = {10, 12, 15};
      for (int i = 0; i < 3; i++) {
        RunResult run =
            StoredRunsFixture.run("run-" + (i + 1), t.plusSeconds(86_400L * i), naive[i], 0.5);
        StoredRunsFixture.store(store, run, Shard.ALL, run.builds());
      }
    }
  }

  private int layerlab(String... args) {
    CommandLine cmd = LayerlabCommand.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void textTable_hasCellRowsAndRunColumnsOldestFirst() {
    int code = layerlab("history", "python-app", "--store", file.toString());

    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("python-app: median build seconds per cell, 3 runs, oldest first");
    assertThat(text).containsPattern("cell +run-1 +run-2 +run-3 +newest vs oldest");
    assertThat(text).containsPattern("naive / edit-source +10\\.0 +12\\.0 +15\\.0 +\\+50%");
    assertThat(text).containsPattern("deps-first / edit-source +0\\.50 +0\\.50 +0\\.50 +\\+0%");
  }

  @Test
  void json_listsMediansPerRun_andTheChartIsDrawn() throws Exception {
    Path chart = dir.resolve("charts/history.png");

    int code =
        layerlab(
            "history", "--store", file.toString(), "--format", "json", "--chart", chart.toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode doc = JsonReport.mapper().readTree(out.toString());
    assertThat(doc.get(0).path("scenario").asText()).isEqualTo("python-app");
    assertThat(doc.get(0).path("runs")).hasSize(3);
    JsonNode naive = doc.get(0).path("cells").get(1);
    assertThat(naive.path("variant").asText() + "/" + naive.path("change").asText())
        .isEqualTo("naive/edit-source");
    assertThat(naive.path("medianSeconds").get(2).asDouble()).isEqualTo(15.0);
    assertThat(chart).isNotEmptyFile();
    assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void shardedRun_isReportedMergedFromTheStore() throws Exception {
    RunResult whole =
        StoredRunsFixture.run("ci-42", Instant.parse("2026-12-05T10:00:00Z"), 11, 0.4);
    try (Store store = Store.open(file.toString())) {
      StoredRunsFixture.store(store, whole, new Shard(1, 2), whole.builds().subList(0, 4));
      StoredRunsFixture.store(store, whole, new Shard(2, 2), whole.builds().subList(4, 8));
    }
    Path reportDir = dir.resolve("merged");

    int code =
        layerlab("report", reportDir.toString(), "--run-id", "ci-42", "--store", file.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(JsonReport.read(reportDir.resolve("results.json")).builds())
        .isEqualTo(whole.builds());
    assertThat(Files.readString(reportDir.resolve("cells.csv")))
        .contains("deps-first,edit-source,3");
    assertThat(out.toString()).contains("naive / edit-source").contains("report: ");
  }

  @Test
  void missingStore_saysWhatToDo() {
    int code = layerlab("history", "--store", dir.resolve("none.sqlite").toString());

    assertThat(code).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(err.toString()).contains("no store at").contains("run 'layerlab bench' first");
    assertThat(dir.resolve("none.sqlite")).doesNotExist();
  }

  @Test
  void unknownScenario_namesTheOnesStored() {
    int code = layerlab("history", "node-app", "--store", file.toString());

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no run of scenario node-app; it has python-app");
  }
}
