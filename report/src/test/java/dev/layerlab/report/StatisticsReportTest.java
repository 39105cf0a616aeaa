package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsReportTest {

  @TempDir Path dir;

  /** naive / edit-source takes 10, 12, 11, 13 and then 30 s in repetition 5. */
  private static RunResult runWithOutlier() {
    RunResult base = ReportFixtures.run();
    List<BuildRecord> builds = new ArrayList<>();
    builds.add(ReportFixtures.build("naive", "cold", 1, 30, false));
    double[] seconds = {10, 12, 11, 13, 30};
    for (int rep = 1; rep <= seconds.length; rep++) {
      builds.add(ReportFixtures.build("naive", "edit-source", rep, seconds[rep - 1], false));
      builds.add(ReportFixtures.build("deps-first", "edit-source", rep, 1 + rep / 10.0, true));
    }
    return new RunResult(
        base.runId(),
        base.scenario(),
        base.startedAt(),
        base.environment(),
        builds,
        base.startups(),
        base.advice(),
        true);
  }

  @Test
  void cellsCsv_hasOneRowPerCell_withHandCheckedFigures() throws Exception {
    RunReport.write(runWithOutlier(), dir);

    List<CSVRecord> rows = read(dir.resolve("cells.csv"));
    assertThat(rows).hasSize(3);
    CSVRecord naive = rows.get(1);
    assertThat(naive.get("variant") + "/" + naive.get("change")).isEqualTo("naive/edit-source");
    assertThat(naive.get("builds")).isEqualTo("5");
    assertThat(naive.get("median_seconds")).isEqualTo("12.000");
    assertThat(naive.get("mean_seconds")).isEqualTo("15.200");
    assertThat(naive.get("stddev_seconds")).as("sqrt(69.7)").isEqualTo("8.349");
    assertThat(naive.get("mad_seconds")).isEqualTo("1.000");
    assertThat(naive.get("outlier_repetitions")).isEqualTo("5");
    assertThat(rows.get(0).get("stddev_seconds")).as("σ of one build").isEmpty();
  }

  @Test
  void resultsJson_carriesStatisticsPerCell_andStillReadsBack() throws Exception {
    RunResult run = runWithOutlier();
    RunReport.write(run, dir);

    JsonNode cells = JsonReport.mapper().readTree(dir.resolve("results.json").toFile());
    JsonNode naive = cells.path("statistics").path("cells").get(1);
    assertThat(naive.path("mean").asDouble()).isEqualTo(15.2);
    assertThat(naive.path("outlierRepetitions").get(0).asInt()).isEqualTo(5);
    assertThat(cells.path("statistics").path("cells").get(0).path("stdDev").isNull()).isTrue();
    assertThat(JsonReport.read(dir.resolve("results.json"))).isEqualTo(run);
  }

  @Test
  void summaryAndTerminalTable_showSpreadOutliersAndTheRatioRange() {
    RunView view = new RunView(runWithOutlier());

    String md = SummaryReport.render(view, List.of());
    assertThat(md).contains("## Spread per cell (seconds)");
    assertThat(md)
        .contains(
            "| naive | edit-source | 5 | 12.000 | 15.200 | 8.349 | 1.000 | 10.000 | 30.000 | #5 |");
    assertThat(md).contains("naive / edit-source repetition 5 took 30.0 s, 12.1 scaled MADs");
    // medians 12 / 1.3; extremes 10 / 1.5 and 30 / 1.1
    assertThat(md).contains("9.2× faster (6.7–27.3× between the extremes)");

    String table = StatsTable.render(view);
    assertThat(table).contains("cell").contains("σ").contains("outliers");
    assertThat(table).containsPattern("naive / edit-source +12\\.000 +15\\.200 +8\\.349 .* 5 +#5");
    assertThat(table).contains("warning: outlier: naive / edit-source repetition 5");
    assertThat(table).contains("edit-source: deps-first is 9.23× as fast as naive (6.67–27.27×");
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }
}
