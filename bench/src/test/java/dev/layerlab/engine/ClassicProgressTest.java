package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassicProgressTest {

  private static final long S = 1_000_000_000L;

  @Test
  void stepsAreSplitOnStepLines_evenWhenChunksSplitLines() {
    ClassicProgress p = new ClassicProgress();
    p.accept("Step 1/4 : FROM python:3.11-slim\n ---> 0123456789ab\n", 0);
    p.accept("Step 2/4 : WORKDIR /app\n", 1 * S);
    p.accept(" ---> Using cache\n ---> 1111111111", 1 * S);
    p.accept("11\nStep 3/4 : COPY . .\n", 2 * S);
    p.accept(" ---> 2222222222aa\nStep 4/4 : RUN pip install -r requirements.txt\n", 3 * S);
    p.accept(
        " ---> Running in abcdefabcdef\nRemoving intermediate container abcdefabcdef\n", 10 * S);
    p.accept(" ---> 3333333333bb\nSuccessfully built 3333333333bb\n", 13 * S);
    p.finish(14 * S);

    List<StepRecord> steps = p.steps();
    assertThat(steps)
        .extracting(StepRecord::instruction)
        .containsExactly(
            "FROM python:3.11-slim",
            "WORKDIR /app",
            "COPY . .",
            "RUN pip install -r requirements.txt");
    assertThat(steps).extracting(StepRecord::cached).containsExactly(true, true, false, false);
    assertThat(steps).extracting(StepRecord::seconds).containsExactly(1.0, 1.0, 1.0, 10.0);
    assertThat(steps.get(1).imageId()).isEqualTo("111111111111");
    assertThat(p.builtImage()).contains("3333333333bb");
    assertThat(p.createdImages())
        .as("only steps that ran made images")
        .containsExactlyInAnyOrder("2222222222aa", "3333333333bb");
  }

  @Test
  void failedStepIsClosedAtTheEnd_withoutAnImage() {
    ClassicProgress p = new ClassicProgress();
    p.accept("Step 1/2 : FROM python:3.11-slim\n ---> 0123456789ab\n", 0);
    p.accept("Step 2/2 : RUN false\n ---> Running in abcdefabcdef\n", S);
    p.finish(3 * S);

    assertThat(p.steps()).hasSize(2);
    StepRecord failed = p.steps().get(1);
    assertThat(failed.cached()).isFalse();
    assertThat(failed.imageId()).isEmpty();
    assertThat(failed.seconds()).isEqualTo(2.0);
    assertThat(p.builtImage()).isEmpty();
    assertThat(p.tail()).contains("RUN false");
  }
}
