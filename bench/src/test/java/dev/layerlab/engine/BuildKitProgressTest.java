package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.BuildKitProgress.Status;
import dev.layerlab.engine.BuildKitProgress.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitProgressTest {

  private static final long S = 1_000_000_000L;

  @Test
  void firstBuild_listsOnlyDockerfileSteps_withBuildKitsDurations() throws IOException {
    BuildKitProgress p = BuildKitProgress.of(sample("first-build.txt"));

    assertThat(p.steps())
        .extracting(Step::instruction)
        .as("[internal] and exporting vertices are skipped")
        .containsExactly(
            "FROM docker.io/library/python:3.11-slim",
            "WORKDIR /app",
            "COPY requirements.txt ./",
            "RUN echo installing && cat requirements.txt > /installed.txt",
            "COPY . .");
    assertThat(p.steps())
        .extracting(Step::status)
        .containsExactly(Status.DONE, Status.CACHED, Status.DONE, Status.DONE, Status.DONE);
    Step run = p.steps().get(3);
    assertThat(run.seconds()).isEqualTo(0.1);
    assertThat(run.output()).containsExactly("installing");
    assertThat(run.position()).isEqualTo(4);
    assertThat(run.total()).isEqualTo(5);
    assertThat(run.stage()).as("a single unnamed stage has no label").isEmpty();
    assertThat(p.contextBytes()).isEqualTo(315);
    assertThat(p.imageId())
        .isEqualTo("sha256:9bcbd807964ebd02ab6ee660865459879d50bfc3d857617115f304d88e1f7cbf");
    assertThat(p.error()).isEmpty();
  }

  @Test
  void unchangedRebuild_isCachedThroughout() throws IOException {
    BuildKitProgress p = BuildKitProgress.of(sample("rebuild-cached.txt"));

    assertThat(p.steps().subList(1, 5)).allMatch(s -> s.status() == Status.CACHED);
    assertThat(p.steps()).allMatch(s -> s.status() != Status.CACHED || s.seconds() == 0);
  }

  @Test
  void sourceEdit_rerunsOnlyTheLastCopy() throws IOException {
    BuildKitProgress p = BuildKitProgress.of(sample("source-edit.txt"));

    assertThat(p.steps())
        .extracting(Step::status)
        .containsExactly(Status.DONE, Status.CACHED, Status.CACHED, Status.CACHED, Status.DONE);
  }

  @Test
  void multiStage_readsStageLabels_paddedNumbers_andExpandedArgs() throws IOException {
    BuildKitProgress p = BuildKitProgress.of(sample("multi-stage.txt"));

    assertThat(p.steps()).hasSize(15);
    Step first = p.steps().get(0);
    assertThat(first.stage()).isEqualTo("stage-2");
    assertThat(first.position()).isEqualTo(1);
    assertThat(first.total()).isEqualTo(11);
    assertThat(p.steps())
        .extracting(Step::label)
        .contains("[stage-1 1/1]", "[build 2/5]", "[stage-2 10/11]");
    assertThat(p.steps())
        .extracting(Step::instruction)
        .as("BuildKit 20.10 prints RUN with the ARG value substituted")
        .contains(
            "RUN --mount=type=cache,target=/x echo 1 > /x/f && for i in 1 2 3; do echo line$i;"
                + " done");
  }

  @Test
  void failingRun_isTheErrorStep_andTheErrorLineIsTheBuildsError() throws IOException {
    BuildKitProgress p = BuildKitProgress.of(sample("run-fails.txt"));

    assertThat(p.failedStep()).isPresent();
    Step failed = p.failedStep().get();
    assertThat(failed.instruction()).isEqualTo("RUN echo failing; exit 3");
    assertThat(failed.error()).contains("exit code: 3");
    assertThat(failed.output()).containsExactly("failing");
    assertThat(p.error())
        .isEqualTo("executor failed running [/bin/sh -c echo failing; exit 3]: exit code: 3");
  }

  @Test
  void otherFailures_keepTheirMessages() throws IOException {
    assertThat(BuildKitProgress.of(sample("copy-missing.txt")).error())
        .isEqualTo("failed to compute cache key: \"/missing.txt\" not found: not found");
    assertThat(BuildKitProgress.of(sample("parse-error.txt")).error())
        .startsWith("failed to solve with frontend dockerfile.v0")
        .endsWith("unknown instruction: BOGUS");
    assertThat(BuildKitProgress.of(sample("parse-error.txt")).steps()).isEmpty();
  }

  @Test
  void parallelStages_cancelledSibling_andRepeatedHeadersAreOneVertex() throws IOException {
    BuildKitProgress p = BuildKitProgress.of(sample("parallel-cancel.txt"));

    assertThat(p.steps())
        .extracting(Step::label, Step::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[a 1/2]", Status.CACHED),
            org.assertj.core.groups.Tuple.tuple("[b 2/2]", Status.CANCELED),
            org.assertj.core.groups.Tuple.tuple("[a 2/2]", Status.ERROR));
  }

  @Test
  void newerClientsSummary_errorPrefixIsRemoved_andSourceExcerptIgnored() {
    String output =
        """
        #5 [2/2] RUN exit 3
        #5 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3
        ------
         > [2/2] RUN exit 3:
        ------
        Dockerfile:2
        --------------------
           1 |     FROM scratch
           2 | >>> RUN exit 3
        --------------------
        ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit \
        code: 3
        """;

    BuildKitProgress p = BuildKitProgress.of(output);

    assertThat(p.error())
        .isEqualTo(
            "failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit"
                + " code: 3");
  }

  @Test
  void linesSplitAcrossChunks_andTimesWithoutDone_comeFromTheClock() {
    BuildKitProgress p = new BuildKitProgress();
    p.accept("#7 [build 3/5] RUN sle", 1 * S);
    p.accept("ep 9\n#7 1.0 tick\n", 1 * S);
    p.accept("#7 CANCELED\n", 4 * S);
    p.finish(5 * S);

    Step step = p.steps().get(0);
    assertThat(step.instruction()).isEqualTo("RUN sleep 9");
    assertThat(step.status()).isEqualTo(Status.CANCELED);
    assertThat(step.seconds()).isEqualTo(3.0);
  }

  @Test
  void doneStep_keepsBuildKitsDuration_besideTheTimeTheClientSaw() {
    BuildKitProgress p = new BuildKitProgress();
    p.accept("#8 [4/5] RUN make\n", 2 * S);
    p.accept("#8 0.111 compiling\n", 3 * S);
    p.accept("#8 DONE 2.3s\n", 4 * S + S / 2);
    p.accept("#9 [5/5] COPY . .\n", 5 * S);
    p.accept("#9 CACHED\n", 5 * S + S / 10);
    p.finish(6 * S);

    Step run = p.steps().get(0);
    assertThat(run.engineSeconds()).as("BuildKit's own DONE duration").hasValue(2.3);
    assertThat(run.clientSeconds()).as("first line to DONE line, as read").isEqualTo(2.5);
    Step copy = p.steps().get(1);
    assertThat(copy.engineSeconds()).as("a cached step has no DONE line").isEmpty();
    assertThat(copy.clientSeconds()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void platformPrefix_isNotTakenForAStage() {
    BuildKitProgress p = BuildKitProgress.of("#3 [linux/amd64 build 2/3] COPY . .\n#3 CACHED\n");

    assertThat(p.steps().get(0).stage()).isEqualTo("build");
  }

  static String sample(String name) throws IOException {
    try (InputStream in = BuildKitProgressTest.class.getResourceAsStream("/buildkit/" + name)) {
      if (in == null) {
        throw new IOException("no test resource buildkit/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<Step> steps(String name) throws IOException {
    return BuildKitProgress.of(sample(name)).steps();
  }
}
