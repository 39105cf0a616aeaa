package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WaterfallAxisTest {

  private static BuildRecord build(double... stepSeconds) {
    List<StepRecord> steps = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < stepSeconds.length; i++) {
      steps.add(new StepRecord(i + 1, "RUN step" + i, i + 1, true, stepSeconds[i], 0, "x"));
      total += stepSeconds[i];
    }
    return new BuildRecord(
        "v", "edit-source", "classic", 1, total, 1, 1, "sha256:x", BuildStatus.OK, "", steps);
  }

  /** The text of each tick label under the axis, in order. */
  private static List<String> ticks(String svg) {
    Matcher m =
        Pattern.compile(
                "<text x=\"[\\d.]+\" y=\"\\d+\" text-anchor=\"middle\" font-size=\"11\">([^<]*)</text>")
            .matcher(svg);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void subMillisecondSteps_getAMillisecondAxisWithDistinctTicks() {
    String svg = SvgCharts.waterfall(build(0.0001, 0.0002, 0.0003), "t");

    assertThat(ticks(svg)).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
    assertThat(svg).contains("milliseconds since the build started");
    assertThat(svg)
        .as("step labels in the same unit")
        .contains("0.30 ms")
        .doesNotContain(">0.00 s<");
  }

  @Test
  void subSecondBuild_isInMilliseconds() {
    String svg = SvgCharts.waterfall(build(0.12, 0.2), "t");

    assertThat(ticks(svg)).containsExactly("0", "100", "200", "300", "400", "500");
    assertThat(svg).contains("120 ms");
  }

  @Test
  void longerBuild_staysInSeconds() {
    String svg = SvgCharts.waterfall(build(2, 9.5), "t");

    assertThat(ticks(svg)).containsExactly("0", "4", "8", "12", "16", "20");
    assertThat(svg).contains("seconds since the build started").contains("9.50 s");
  }
}
