package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.RewriteVerification;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.verify.Comparison;
import dev.layerlab.verify.Difference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bench's rewrite check, where it needs no Docker. */
class RewriteCheckTest {

  @Test
  void verdict_countsExpectedDifferencesByReason_andKeepsTheFirstUnexpectedOnes() {
    List<Difference> differences = new ArrayList<>();
    differences.add(new Difference("/a.pyc", "content differs", "noise"));
    differences.add(new Difference("/b.pyc", "content differs", "noise"));
    differences.add(new Difference("/m2/x.jar", "only in the rewrite", "fetched"));
    for (int i = 0; i < 12; i++) {
      differences.add(new Difference("/app/f" + i, "only in the rewrite", ""));
    }

    RewriteVerification v = RewriteCheck.verdict(new Comparison(500, differences), "classic");

    assertThat(v.status()).isEqualTo(RewriteVerification.DIFFERS);
    assertThat(v.expected()).containsExactly(Map.entry("noise", 2), Map.entry("fetched", 1));
    assertThat(v.differenceCount()).isEqualTo(12);
    assertThat(v.differences())
        .hasSize(RewriteCheck.SHOWN)
        .first()
        .isEqualTo("/app/f0: only in the rewrite");
  }

  @Test
  void verdict_withOnlyExpectedDifferences_isVerified() {
    RewriteVerification v =
        RewriteCheck.verdict(
            new Comparison(500, List.of(new Difference("/a.pyc", "content differs", "noise"))),
            "classic");

    assertThat(v.verified()).isTrue();
    assertThat(v.differences()).isEmpty();
  }

  @Test
  void withoutTheClassicEngine_aRewriteIsNotVerified_andAdviceWithoutOneIsLeftAlone() {
    VariantAdvice rewritten =
        new VariantAdvice(
            "naive",
            "Dockerfile.naive",
            List.of(),
            Optional.of("FROM x\n"),
            List.of("moved"),
            Optional.of("deps-first"));
    VariantAdvice plain =
        new VariantAdvice(
            "deps-first",
            "Dockerfile.deps-first",
            List.of(),
            Optional.empty(),
            List.of(),
            Optional.empty());
    RunResult run =
        new RunResult(
            "r",
            "s",
            Instant.EPOCH,
            Map.of(),
            List.of(),
            List.of(),
            List.of(rewritten, plain),
            true);

    RunResult checked =
        RewriteCheck.verifyAll(
            Map.of(), e -> {}, ids -> {}, List.of(), run, null, null, List.of(), Map.of(),
            Map.of());

    assertThat(checked.advice().get(0).verification().orElseThrow().status())
        .isEqualTo(RewriteVerification.NOT_VERIFIED);
    assertThat(checked.advice().get(0).verification().get().note())
        .contains("run `layerlab rewrite DOCKERFILE --verify`");
    assertThat(checked.advice().get(1).verification()).isEmpty();
  }
}
