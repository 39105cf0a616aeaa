package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.engine.BuildKitStepLines.Located;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitStepLinesTest {

  @Test
  void singleStage_stepsMapToTheirLines() throws Exception {
    List<Located> located =
        BuildKitStepLines.locate(
            DockerfileParser.parse(BuildKitProgressTest.sample("app.Dockerfile"), "Dockerfile"),
            BuildKitProgressTest.steps("first-build.txt"));

    assertThat(located).extracting(Located::line).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void multiStage_outOfOrderOutput_isPutInDockerfileOrder_skippingRootWorkdir() throws Exception {
    List<Located> located =
        BuildKitStepLines.locate(
            DockerfileParser.parse(
                BuildKitProgressTest.sample("multi-stage.Dockerfile"), "Dockerfile"),
            BuildKitProgressTest.steps("multi-stage.txt"));

    assertThat(located)
        .extracting(Located::line)
        .as("the shared FROM vertex was printed under stage-2; WORKDIR / made no step")
        .containsExactly(6, 7, 8, 12, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
    assertThat(located.get(2).step().instruction()).startsWith("RUN --mount=type=cache");
    assertThat(located.get(3).stageIndex()).isEqualTo(1);
  }

  @Test
  void aNumberingThatDoesNotFit_fallsBackToTheNearestSameKeyword() throws Exception {
    BuildKitProgress p =
        BuildKitProgress.of("#4 [3/9] RUN make\n#4 CACHED\n#5 [9/9] ADD x /x\n#5 CACHED\n");

    List<Located> located =
        BuildKitStepLines.locate(
            DockerfileParser.parse("FROM scratch\nCOPY a /a\nRUN make\nCOPY b /b\n", "Dockerfile"),
            p.steps());

    assertThat(located).extracting(Located::line).containsExactly(3, 0);
  }
}
