package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static final BenchOptions OPTIONS =
      new BenchOptions(
          "run-1",
          1,
          3,
          Map.of(),
          Map.of(),
          List.of(),
          "host",
          Path.of("/tmp/scratch"),
          Duration.ofSeconds(60));

  @Test
  void buildTimeoutDefaultsToHalfAnHour_andMustBePositive() {
    assertThat(OPTIONS.buildTimeout()).isEqualTo(Duration.ofMinutes(30));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new BenchOptions(
                    "r",
                    1,
                    0,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    "none",
                    Path.of("/tmp"),
                    Duration.ofSeconds(1),
                    Shard.ALL,
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build timeout");
  }
}
