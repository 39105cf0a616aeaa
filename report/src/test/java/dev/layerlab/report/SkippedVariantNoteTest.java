package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkippedVariantNoteTest {

  @Test
  void summary_saysWhichVariantWasNotBuiltOnWhichBuilder() {
    RunResult plain = ReportFixtures.run();
    Map<String, String> env = new java.util.HashMap<>(plain.environment());
    env.put(
        "skipped",
        "cache-mount not built with the classic builder: RUN --mount (Dockerfile.cache-mount line"
            + " 7) needs BuildKit");
    RunResult run =
        new RunResult(
            plain.runId(),
            plain.scenario(),
            plain.startedAt(),
            env,
            plain.builds(),
            plain.startups(),
            plain.advice(),
            plain.predictions(),
            true);

    assertThat(SummaryReport.render(new RunView(run), List.of()))
        .contains("> Not built: cache-mount not built with the classic builder: RUN --mount");
    assertThat(SummaryReport.render(new RunView(plain), List.of())).doesNotContain("Not built");
  }
}
