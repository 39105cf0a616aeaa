package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.advice.Finding;
import dev.layerlab.advice.Severity;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.VariantAdvice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static final String HOSTILE = "RUN echo \"<script>alert(1)</script>\" > /srv/a.html";

  /** Anything that would make a browser fetch: scripts, styles, fonts, images from elsewhere. */
  private static final Pattern EXTERNAL =
      Pattern.compile(
          "(?i)<script|<link|@import|(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//|url\\(\\s*[\"']?https?:");

  private static final Path COMMITTED_RUN = CommittedRun.resultsJson();

  @TempDir Path dir;

  @Test
  void runReport_writesReportHtmlBesideTheOtherFiles() throws Exception {
    List<String> files = RunReport.write(ReportFixtures.run(), dir);

    assertThat(files).contains("report.html");
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void everyChartSection_holdsAnInlineSvg() throws Exception {
    String html = page(ReportFixtures.run());

    for (String section : List.of("rebuild", "waterfall", "layers", "startup")) {
      assertThat(section(html, section)).as("section %s", section).contains("<svg");
    }
    assertThat(section(html, "rebuild"))
        .as("the XChart median chart is inlined beside the spread chart")
        .containsPattern("(?s)<svg.*</svg>.*<svg.*</svg>");
  }

  @Test
  void page_loadsNothingFromElsewhere() throws Exception {
    String html = page(ReportFixtures.run());

    assertThat(EXTERNAL.matcher(html).find()).as("external reference in the page").isFalse();
    assertThat(html).as("XML prologs of inlined SVG").doesNotContain("<?xml", "<!DOCTYPE svg");
  }

  @Test
  void instructionAndAdviceText_isEscaped() throws Exception {
    String html = page(hostileRun());

    assertThat(html).doesNotContainIgnoringCase("<script");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(section(html, "waterfall")).contains("&lt;script&gt;");
    assertThat(section(html, "headline"))
        .as("the fix's quoted spans as code, escaped")
        .contains("<code>COPY &lt;b&gt; .</code>")
        .doesNotContain("`");
    assertThat(section(html, "advice"))
        .as("the finding, the diff and the rewritten file")
        .contains("&lt;b&gt;", "<span>  " + Html.esc(HOSTILE));
  }

  @Test
  void committedPythonAppRun_rendersWithBothBuilders() throws Exception {
    RunResult run = JsonReport.read(COMMITTED_RUN);

    RunReport.write(run, dir);

    String html = Files.readString(dir.resolve("report.html"));
    assertThat(section(html, "headline"))
        .as("one headline per builder")
        .contains("<b>classic</b> builder", "<b>buildkit</b> builder");
    assertThat(section(html, "waterfall").split("<svg", -1))
        .as("one waterfall per variant")
        .hasSize(5);
    assertThat(section(html, "layers")).contains("naive · classic", "deps-first · buildkit");
    assertThat(section(html, "prediction")).contains("agreement");
    assertThat(section(html, "advice")).contains("LL001", "class=\"add\"");
    assertThat(section(html, "environment")).contains("20.10.24+dfsg1", "17.0.15");
    assertThat(EXTERNAL.matcher(html).find()).isFalse();
  }

  @Test
  void quotedSpansInAdvice_becomeCode_afterEscaping() {
    assertThat(HtmlReport.prose("added `COPY <a> .` above `RUN x`"))
        .isEqualTo("added <code>COPY &lt;a&gt; .</code> above <code>RUN x</code>");
  }

  @Test
  void lineDiff_marksMovedLines() {
    List<LineDiff.Line> d = LineDiff.diff(List.of("A", "B", "C"), List.of("A", "C", "B"));

    assertThat(d.stream().map(l -> l.op() + l.text()).toList())
        .containsExactly(" A", "+C", " B", "-C");
  }

  private String page(RunResult run) throws Exception {
    RunReport.write(run, dir);
    return Files.readString(dir.resolve("report.html"));
  }

  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\"");
    assertThat(start).as("section %s present", id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static RunResult hostileRun() {
    RunResult base = ReportFixtures.run();
    List<BuildRecord> builds = new ArrayList<>();
    for (BuildRecord b : base.builds()) {
      List<StepRecord> steps = new ArrayList<>(b.steps());
      steps.add(new StepRecord(steps.size() + 1, HOSTILE, 9, false, 0.5, 1200, "dddddddddddd"));
      builds.add(
          new BuildRecord(
              b.variant(),
              b.change(),
              b.builder(),
              b.repetition(),
              b.seconds(),
              b.contextBytes(),
              b.imageBytes(),
              b.imageId(),
              BuildStatus.OK,
              "",
              steps));
    }
    Finding finding =
        new Finding(
            "LL001",
            Severity.WARNING,
            "Dockerfile.naive",
            2,
            2,
            "the install runs after <b>COPY . .</b>",
            "copy requirements.txt first, then `COPY <b> .`");
    VariantAdvice advice =
        new VariantAdvice(
            "naive",
            "Dockerfile.naive",
            List.of(finding),
            Optional.of("FROM python:3.11-slim\n" + HOSTILE + "\n"),
            List.of("line 2: moved <script>"),
            Optional.of("deps-first"));
    return new RunResult(
        base.runId(),
        base.scenario(),
        base.startedAt(),
        base.environment(),
        builds,
        base.startups(),
        List.of(advice),
        base.complete());
  }
}
