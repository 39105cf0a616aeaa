package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryReportTest {

  @Test
  void headlineComparesTheFastestAndSlowestVariantAfterASourceEdit() {
    String md = SummaryReport.render(new RunView(ReportFixtures.run()), List.of());

    assertThat(md).contains("`deps-first` rebuilds in 1.20 s against 22.0 s for `naive`");
    assertThat(md).contains("18.3× faster");
  }

  @Test
  void resumedRun_saysWhereItWasResumed() {
    var run = ReportFixtures.run();
    var env = new java.util.LinkedHashMap<>(run.environment());
    env.put("resumed", "at build 3 of 12 (naive · edit-source #1, classic), keeping 2 builds");
    var resumed =
        new dev.layerlab.measure.RunResult(
            run.runId(),
            run.scenario(),
            run.startedAt(),
            env,
            run.builds(),
            run.startups(),
            run.advice(),
            run.predictions(),
            true);

    assertThat(SummaryReport.render(new RunView(resumed), List.of()))
        .contains(
            "> This run was resumed at build 3 of 12 (naive · edit-source #1, classic), keeping 2"
                + " builds.");
    assertThat(SummaryReport.render(new RunView(run), List.of())).doesNotContain("resumed");
  }

  @Test
  void rebuiltStepsShowTheInstallRanOnlyForNaive() {
    String md = SummaryReport.render(new RunView(ReportFixtures.run()), List.of());

    assertThat(md)
        .contains(
            "| naive | edit-source | `COPY . .` (3/3)<br>`RUN pip install -r "
                + "requirements.txt` (3/3) |");
    assertThat(md).contains("| deps-first | edit-source | none: every step cached |");
  }

  @Test
  void failedStartupsAreLeftOutOfTheMedianAndCounted() {
    String md = SummaryReport.render(new RunView(ReportFixtures.run()), List.of());

    assertThat(md).contains("| baked | 0.85 | 0.80 | 0.90 | 0.80 | 0.90 | 2 |");
    assertThat(md).contains("| mounted | 25.0 | 25.0 | – | 25.0 | 25.0 | 1 |");
  }

  @Test
  void startupTable_showsEachModesFirstRunApartFromTheMedianOfItsRepeats() {
    String md = SummaryReport.render(new RunView(ReportFixtures.run()), List.of());

    assertThat(md)
        .as("baked: first 0.8, its one repeat 0.9")
        .contains("| mode | median | first | repeat | min | max | runs |")
        .contains("| baked | 0.85 | 0.80 | 0.90 |");
  }

  @Test
  void disagreementIsListedWithBothAnswers_andCountedPerBuilder() {
    var ok = ReportFixtures.run();
    var right =
        new dev.layerlab.measure.PredictionRecord(
            "naive",
            "edit-source",
            "classic",
            1,
            7,
            "COPY . .",
            java.util.Optional.of(false),
            java.util.Optional.of(false),
            "changed");
    var wrong =
        new dev.layerlab.measure.PredictionRecord(
            "naive",
            "edit-source",
            "classic",
            1,
            10,
            "RUN pip install",
            java.util.Optional.of(true),
            java.util.Optional.of(false),
            "");
    var run =
        new dev.layerlab.measure.RunResult(
            ok.runId(),
            ok.scenario(),
            ok.startedAt(),
            ok.environment(),
            ok.builds(),
            ok.startups(),
            ok.advice(),
            List.of(right, wrong),
            true);

    String md = SummaryReport.render(new RunView(run), List.of());

    assertThat(md).contains("| classic | 1 of 2 | 50.0% |");
    assertThat(md).contains("line 10 `RUN pip install`: model hit, engine miss");
  }
}
