package dev.layerlab.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void withAdvice_keepsEverythingElse_theImageAnalysesIncluded() {
    ImageEfficiency image =
        new ImageEfficiency("naive", "classic", "sha256:1", 3, 1000, 10, 99.0, 0.5, List.of());
    RunResult run =
        new RunResult(
            "r1",
            "python-app",
            Instant.EPOCH,
            Map.of("docker", "20.10"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(image),
            true);

    RunResult advised = run.withAdvice(List.of());

    assertThat(advised.images()).containsExactly(image);
    assertThat(advised.withImages(List.of()).images()).isEmpty();
    assertThat(advised.environment()).isEqualTo(run.environment());
    assertThat(advised.complete()).isTrue();
  }
}
