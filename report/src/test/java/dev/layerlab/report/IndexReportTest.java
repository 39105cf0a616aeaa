package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.PredictionRecord;
import dev.layerlab.measure.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexReportTest {

  @TempDir Path out;

  private static RunResult withPredictions(RunResult run, int right, int wrong) {
    List<PredictionRecord> p = new ArrayList<>();
    for (int i = 0; i < right + wrong; i++) {
      p.add(
          new PredictionRecord(
              "naive",
              "edit-source",
              "classic",
              1,
              i + 1,
              "COPY . .",
              Optional.of(true),
              Optional.of(i < right),
              ""));
    }
    return new RunResult(
        run.runId(),
        run.scenario(),
        run.startedAt(),
        run.environment(),
        run.builds(),
        run.startups(),
        run.advice(),
        p,
        run.complete());
  }

  private List<IndexReport.Entry> entries() {
    RunResult python = withPredictions(ReportFixtures.run(), 9, 1);
    List<BuildRecord> nodeBuilds = new ArrayList<>();
    nodeBuilds.add(ReportFixtures.build("naive", "cold", 1, 12, false));
    nodeBuilds.add(ReportFixtures.build("naive", "edit-source", 1, 6, false));
    RunResult node =
        new RunResult(
            "run-2",
            "node-app",
            python.startedAt(),
            python.environment(),
            nodeBuilds,
            List.of(),
            List.of(),
            List.of(),
            true);
    return List.of(
        IndexReport.Entry.of(python, "python-app/run-1/report.html"),
        IndexReport.Entry.of(node, "node-app/run-2/report.html"),
        IndexReport.Entry.failed(
            "java-app", Optional.empty(), "build failed: variant naive, change cold: boom"));
  }

  @Test
  void markdown_hasARowPerScenario_withHeadlineBestWorstAgreementAndLink() {
    String md = IndexReport.markdown(entries());

    assertThat(md)
        .contains(
            "| python-app | 18.3× | classic: `deps-first` 1.20 s | classic: `naive` 22.0 s"
                + " | classic: 9/10 (90.0%) | [report](python-app/run-1/report.html) |");
    assertThat(md)
        .as("one variant: no saving to show, but its median")
        .contains("| node-app | – | classic: `naive` 6.00 s | classic: `naive` 6.00 s |");
    assertThat(md).contains("| java-app | failed: build failed: variant naive, change cold: boom");
  }

  @Test
  void html_isSelfContained_withRelativeLinksAndInlineSvg() throws Exception {
    List<String> files = IndexReport.write(out, entries());

    assertThat(files).containsExactly("index.html", "index.md");
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html)
        .contains("<a href=\"python-app/run-1/report.html\">")
        .contains("<svg")
        .contains("<style>")
        .contains("failed: build failed")
        .doesNotContain("http://", "https://", "<script src", "<link");
    assertThat(html).contains("18.3×");
    assertThat(Files.readString(out.resolve("index.md"))).startsWith("# Bench index");
  }

  @Test
  void html_escapesScenarioNamesAndErrors() {
    String html =
        IndexReport.html(
            List.of(IndexReport.Entry.failed("<x>", Optional.empty(), "a & b <script>")));
    assertThat(html).contains("&lt;x&gt;").contains("a &amp; b &lt;script&gt;");
  }
}
