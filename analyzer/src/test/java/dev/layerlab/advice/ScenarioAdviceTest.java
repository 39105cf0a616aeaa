package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.dockerfile.DockerfileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The findings on the seed scenario, whose two Dockerfiles differ only in order. */
class ScenarioAdviceTest {

  private static final Path SCENARIO = Path.of("..", "scenarios", "python-app");

  private static Analysis analyze(String name) throws Exception {
    Path file = SCENARIO.resolve(name);
    return Advisor.analyze(
        DockerfileParser.parse(file), Files.readString(file), Optional.of(SCENARIO));
  }

  @Test
  void naive_reportsInstallAfterCopyAll_withRewrite() throws Exception {
    Analysis analysis = analyze("Dockerfile.naive");

    assertThat(analysis.findings())
        .as("findings on Dockerfile.naive")
        .extracting(Finding::ruleId, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("LL001", 10));
    assertThat(analysis.rewritten()).as("the rewrite").isPresent();
    String rewritten = analysis.rewritten().get();
    assertThat(rewritten.indexOf("COPY requirements.txt ."))
        .as("manifest copied before the install, install before COPY . .")
        .isLessThan(rewritten.indexOf("RUN pip install"));
    assertThat(rewritten.indexOf("RUN pip install")).isLessThan(rewritten.indexOf("COPY . ."));
  }

  @Test
  void depsFirst_hasNoDependencyOrderFinding() throws Exception {
    Analysis analysis = analyze("Dockerfile.deps-first");

    assertThat(analysis.findings()).as("findings on Dockerfile.deps-first").isEmpty();
    assertThat(analysis.rewritten()).isEmpty();
  }

  @Test
  void buildkit_offersCacheMountOnTheInstall() throws Exception {
    Path file = SCENARIO.resolve("Dockerfile.deps-first");
    Analysis analysis =
        Advisor.analyze(
            DockerfileParser.parse(file),
            Files.readString(file),
            AdviceOptions.defaults(Optional.of(SCENARIO)).withBuilder(BuilderKind.BUILDKIT));

    assertThat(analysis.findings()).extracting(Finding::ruleId).containsExactly("LL009");
  }
}
