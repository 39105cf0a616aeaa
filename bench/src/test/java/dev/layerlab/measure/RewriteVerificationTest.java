package dev.layerlab.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewriteVerificationTest {

  @Test
  void expectedGroups_largestFirst_thenByReason_howeverTheMapWasBuilt() {
    Map<String, Integer> one = new LinkedHashMap<>();
    one.put("two builds of the original differ here too", 319);
    one.put("fetched by the added dependency-only step", 876);
    one.put("left out by the new .dockerignore", 319);
    Map<String, Integer> other = new LinkedHashMap<>();
    other.put("left out by the new .dockerignore", 319);
    other.put("fetched by the added dependency-only step", 876);
    other.put("two builds of the original differ here too", 319);

    RewriteVerification a =
        new RewriteVerification(
            RewriteVerification.VERIFIED, "classic", 9163, one, List.of(), 0, "");
    RewriteVerification b =
        new RewriteVerification(
            RewriteVerification.VERIFIED, "classic", 9163, other, List.of(), 0, "");

    assertThat(List.copyOf(a.expected().keySet()))
        .containsExactly(
            "fetched by the added dependency-only step",
            "left out by the new .dockerignore",
            "two builds of the original differ here too")
        .isEqualTo(List.copyOf(b.expected().keySet()));
  }
}
