package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.run.BenchEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void barShowsCellCountElapsedAndAnEstimateFromTheBuildsSoFar() {
    AtomicLong now = new AtomicLong();
    List<BenchEvent> printed = new ArrayList<>();
    StringWriter screen = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(screen), printed::add, now::get);

    bar.on(new BenchEvent.RunStarted("r", "python-app", "engine", 4, 0));
    bar.on(new BenchEvent.BuildStarted("naive", "cold", 1, 1, 4));
    now.set(30_000_000_000L);
    bar.on(new BenchEvent.BuildFinished(build(), 1, 4));
    bar.on(new BenchEvent.BuildStarted("naive", "no-change", 1, 2, 4));

    assertThat(bar.render())
        .isEqualTo("[######..................] 1/4 naive no-change #1 | 30s elapsed, ~1m30s left");
    assertThat(printed).as("every event still reaches the line printer").hasSize(4);
    assertThat(screen.toString()).contains("\r\033[2K").contains("naive no-change #1");
  }

  @Test
  void durationsReadAsMinutesAndSeconds() {
    assertThat(ProgressBar.duration(59.4)).isEqualTo("59s");
    assertThat(ProgressBar.duration(125)).isEqualTo("2m05s");
  }

  private static BuildRecord build() {
    return new BuildRecord(
        "naive", "cold", "classic", 1, 30, 0, 0, "", BuildStatus.OK, "", List.of());
  }
}
