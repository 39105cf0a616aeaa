package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.advice.Finding;
import dev.layerlab.advice.Severity;
import dev.layerlab.measure.RewriteVerification;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.VariantAdvice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beside a rewrite's measured saving, summary.md and report.html say whether the run verified that
 * the rewrite builds the same image; a saving is never presented as proven otherwise.
 */
class RewriteVerifiedReportTest {

  @TempDir Path dir;

  private static RunResult run(Optional<RewriteVerification> verification) {
    RunResult base = ReportFixtures.run();
    Finding finding =
        new Finding(
            "LL001",
            Severity.WARNING,
            "Dockerfile.naive",
            3,
            3,
            "the install runs after `COPY . .`",
            "copy requirements.txt first");
    VariantAdvice advice =
        new VariantAdvice(
            "naive",
            "Dockerfile.naive",
            List.of(finding),
            Optional.of("FROM python:3.11-slim\nRUN pip install -r requirements.txt\nCOPY . .\n"),
            List.of("line 2: added `COPY requirements.txt .` and moved the install"),
            Optional.of("deps-first"),
            verification);
    return base.withAdvice(List.of(advice));
  }

  private String[] render(Optional<RewriteVerification> v) throws Exception {
    RunReport.write(run(v), dir);
    String md = Files.readString(dir.resolve("summary.md"));
    String html = Files.readString(dir.resolve("report.html"));
    return new String[] {
      md.substring(md.indexOf("## Findings and the rewrite")),
      HtmlReportTest.section(html, "headline"),
      HtmlReportTest.section(html, "advice")
    };
  }

  @Test
  void verified_saysSo_withTheFilesComparedAndTheExpectedDifferences() throws Exception {
    RewriteVerification v =
        new RewriteVerification(
            RewriteVerification.VERIFIED,
            "classic",
            14305,
            Map.of("two builds of the original differ here too", 1951),
            List.of(),
            0,
            "");

    String[] out = render(Optional.of(v));

    assertThat(out[0])
        .contains(
            "Verified: the rewrite builds the same image as `naive` (classic builder, 14305"
                + " files compared; expected differences: 1951 because two builds of the original"
                + " differ here too).\n\nMeasured saving per change");
    assertThat(out[1]).contains("verified to build the same image");
    assertThat(out[2]).contains("Verified: the rewrite builds the same image");
  }

  @Test
  void verification_survivesResultsJson_andRendersAgainFromIt() throws Exception {
    RewriteVerification v =
        new RewriteVerification(
            RewriteVerification.DIFFERS,
            "classic",
            100,
            Map.of("two builds of the original differ here too", 3),
            List.of("/app/extra.txt: only in the rewrite"),
            12,
            "the rewrite builds a different image");
    RunReport.write(run(Optional.of(v)), dir);

    RunResult read = JsonReport.read(dir.resolve("results.json"));

    assertThat(read.advice().get(0).verification()).contains(v);
  }

  @Test
  void differs_isShown_andTheSavingIsNotCalledProven() throws Exception {
    RewriteVerification v =
        new RewriteVerification(
            RewriteVerification.DIFFERS,
            "classic",
            100,
            Map.of(),
            List.of("/app/extra.txt: only in the rewrite"),
            1,
            "");

    String[] out = render(Optional.of(v));

    assertThat(out[0])
        .contains("Not verified: the rewrite's image differs from `naive`'s in 1 place")
        .contains("same image:\n\n- `/app/extra.txt: only in the rewrite`\n\nMeasured saving")
        .doesNotContain("Verified:");
    assertThat(out[1])
        .contains("its image differs from the original")
        .doesNotContain("verified to build");
    assertThat(out[2]).contains("/app/extra.txt: only in the rewrite");
  }

  @Test
  void notVerified_saysWhy_andHowToVerify() throws Exception {
    String[] out =
        render(
            Optional.of(
                RewriteVerification.notVerified(
                    "not verified in this run: it has no cold classic build of both")));

    assertThat(out[0])
        .contains("Not verified in this run: it has no cold classic build of both")
        .doesNotContain("Verified:");
    assertThat(out[1]).contains("not verified to build the same image");
  }

  @Test
  void aRunFromBeforeTheCheck_isNotVerified_andPointsAtRewriteVerify() throws Exception {
    String[] out = render(Optional.empty());

    assertThat(out[0])
        .contains(
            "Not verified in this run: run `layerlab rewrite Dockerfile.naive --verify` to prove"
                + " the rewrite builds the same image.")
        .doesNotContain("Verified:");
    assertThat(out[1]).contains("not verified to build the same image");
    assertThat(out[2]).contains("Not verified in this run");
  }
}
