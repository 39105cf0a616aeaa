package dev.layerlab.cache;

import static dev.layerlab.cache.MissCause.Kind.BUILD_ARG_CHANGED;
import static dev.layerlab.cache.MissCause.Kind.BUILD_FAILS;
import static dev.layerlab.cache.MissCause.Kind.CHECKED_AT_BUILD;
import static dev.layerlab.cache.MissCause.Kind.FILE_CHANGED;
import static dev.layerlab.cache.MissCause.Kind.INSTRUCTION_CHANGED;
import static dev.layerlab.cache.MissCause.Kind.MODE_CHANGED;
import static dev.layerlab.cache.MissCause.Kind.NOT_CACHEABLE;
import static dev.layerlab.cache.MissCause.Kind.NO_PREVIOUS_BUILD;
import static dev.layerlab.cache.MissCause.Kind.PARENT_MISSED;
import static dev.layerlab.cache.MissCause.Kind.UNSUPPORTED;
import static dev.layerlab.cache.Project.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheModelTest {

  @TempDir Path temp;

  private static final CacheSemantics CLASSIC = CacheSemantics.CLASSIC;
  private static final CacheSemantics BUILDKIT = CacheSemantics.BUILDKIT;

  /** Both builders' predictions after {@code change}: classic first, then BuildKit. */
  private List<List<StepPrediction>> predictBoth(Project p, Consumer<Project> change) {
    BuildInputs classicBefore = p.inputs(CLASSIC);
    BuildInputs buildkitBefore = p.inputs(BUILDKIT);
    change.accept(p);
    return List.of(
        CacheModel.predict(CLASSIC, classicBefore, p.inputs(CLASSIC)),
        CacheModel.predict(BUILDKIT, buildkitBefore, p.inputs(BUILDKIT)));
  }

  private static Optional<MissCause.Kind> kindAt(List<StepPrediction> steps, int line) {
    return steps.stream().filter(s -> s.line() == line).findFirst().orElseThrow().kind();
  }

  private static StepPrediction at(List<StepPrediction> steps, int line) {
    return steps.stream().filter(s -> s.line() == line).findFirst().orElseThrow();
  }

  private Project node() {
    return new Project(temp)
        .file("package.json", "{\"name\":\"app\"}")
        .file("package-lock.json", "{}")
        .file("src/index.js", "console.log('hi')\n")
        .dockerfile(
            "FROM node:18",
            "WORKDIR /app",
            "COPY . .",
            "RUN npm ci",
            "CMD [\"node\", \"src/index.js\"]");
  }

  @Test
  void copyAllBeforeInstall_rebuildsCopyAndEverythingAfterOnSourceEdit() {
    var both = predictBoth(node(), p -> p.file("src/index.js", "console.log('bye')\n"));

    assertThat(outcomes(both.get(0)))
        .as("classic: every instruction is a step; COPY and all after it miss")
        .containsExactly("1:HIT", "2:HIT", "3:MISS", "4:MISS", "5:MISS");
    assertThat(outcomes(both.get(1)))
        .as("BuildKit: CMD is no step")
        .containsExactly("1:HIT", "2:HIT", "3:MISS", "4:MISS");
    for (var steps : both) {
      assertThat(at(steps, 3).cause().orElseThrow())
          .as("COPY . . names the edited file")
          .extracting(MissCause::kind, MissCause::subject)
          .containsExactly(FILE_CHANGED, "src/index.js");
      assertThat(at(steps, 3).cause().orElseThrow().sentence())
          .isEqualTo("COPY . . (line 3) misses because src/index.js changed");
      assertThat(kindAt(steps, 4)).as("npm ci only follows").contains(PARENT_MISSED);
    }
  }

  @Test
  void noDockerignore_aGitRefChangeBustsCopyAll() {
    Project p =
        node().file(".git/refs/heads/main", "aaaa\n").file(".git/HEAD", "ref: refs/heads/main\n");

    var both = predictBoth(p, q -> q.file(".git/refs/heads/main", "bbbb\n"));

    for (var steps : both) {
      assertThat(at(steps, 3).cause().orElseThrow())
          .as("COPY . . misses because of .git")
          .extracting(MissCause::kind, MissCause::subject)
          .containsExactly(FILE_CHANGED, ".git/refs/heads/main");
    }
  }

  @Test
  void ignoredRootNodeModules_doesNotCoverNestedOnes() {
    Project p =
        node()
            .file(".dockerignore", "node_modules/\n")
            .file("node_modules/a.js", "1")
            .file("packages/web/node_modules/x.js", "1");

    var rootOnly = predictBoth(p, q -> q.file("node_modules/a.js", "2"));
    var nested = predictBoth(p, q -> q.file("packages/web/node_modules/x.js", "2"));

    for (var steps : rootOnly) {
      assertThat(at(steps, 3).hit()).as("an ignored file is never sent").isTrue();
    }
    for (var steps : nested) {
      assertThat(at(steps, 3).cause().orElseThrow().subject())
          .as("node_modules/ only matches at the root")
          .isEqualTo("packages/web/node_modules/x.js");
    }
  }

  @Test
  void buildArgChange_bustsEveryLaterRunButNotCopy() {
    Project p =
        new Project(temp)
            .file("app.txt", "x")
            .dockerfile(
                "FROM alpine",
                "ARG APP_VERSION=1",
                "COPY app.txt /app/",
                "RUN echo build",
                "RUN echo $APP_VERSION")
            .buildArgs(Map.of("APP_VERSION", "1"));

    var both = predictBoth(p, q -> q.buildArgs(Map.of("APP_VERSION", "2")));

    assertThat(outcomes(both.get(0)))
        .as("classic: the ARG step and the COPY hit, both RUNs miss")
        .containsExactly("1:HIT", "2:HIT", "3:HIT", "4:MISS", "5:MISS");
    assertThat(outcomes(both.get(1))).containsExactly("1:HIT", "3:HIT", "4:MISS", "5:MISS");
    for (var steps : both) {
      assertThat(at(steps, 4).cause().orElseThrow())
          .as("a RUN that does not use the argument still misses because of it")
          .extracting(MissCause::kind, MissCause::subject)
          .containsExactly(BUILD_ARG_CHANGED, "APP_VERSION");
    }
  }

  @Test
  void argDeclaredJustBeforeItsUse_limitsTheBust() {
    Project p =
        new Project(temp)
            .dockerfile("FROM alpine", "RUN echo build", "ARG APP_VERSION", "RUN echo $APP_VERSION")
            .buildArgs(Map.of("APP_VERSION", "1"));

    var both = predictBoth(p, q -> q.buildArgs(Map.of("APP_VERSION", "2")));

    for (var steps : both) {
      assertThat(at(steps, 2).hit()).as("the RUN before the ARG hits").isTrue();
      assertThat(kindAt(steps, 4)).contains(BUILD_ARG_CHANGED);
    }
  }

  @Test
  void editedInstallLine_keepsTheUpdateStepCached() {
    Project p =
        new Project(temp)
            .dockerfile("FROM debian:12", "RUN apt-get update", "RUN apt-get install -y curl");

    var both =
        predictBoth(
            p,
            q ->
                q.dockerfile(
                    "FROM debian:12", "RUN apt-get update", "RUN apt-get install -y curl git"));

    for (var steps : both) {
      assertThat(at(steps, 2).hit()).as("apt-get update still hits").isTrue();
      assertThat(kindAt(steps, 3)).contains(INSTRUCTION_CHANGED);
    }
  }

  @Test
  void addOfUrl_isPredictedToHitButCheckedAtBuildTime() {
    Project p =
        new Project(temp)
            .dockerfile(
                "FROM alpine", "ADD http://127.0.0.1:8765/file.txt /srv/", "RUN echo after");

    var both = predictBoth(p, q -> {});

    for (var steps : both) {
      StepPrediction add = at(steps, 2);
      assertThat(add.hit()).as("unchanged URL: the best static guess is a hit").isTrue();
      assertThat(add.kind()).as("but only the build can tell").contains(CHECKED_AT_BUILD);
    }
    assertThat(at(both.get(0), 2).cause().orElseThrow().sentence())
        .contains("downloads it on every build");
    assertThat(at(both.get(1), 2).cause().orElseThrow().sentence()).contains("asks the server");
  }

  @Test
  void addWithChecksum_isKnownWithoutTheServerOnBuildKit() {
    Project p =
        new Project(temp)
            .dockerfile(
                "FROM alpine",
                "ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000"
                    + " http://127.0.0.1:8765/file.txt /srv/");

    var both = predictBoth(p, q -> {});

    assertThat(at(both.get(1), 2).cause()).as("the checksum is the key").isEmpty();
  }

  @Test
  void chmodWithSameContent_missesOnBothBuilders() {
    Project p =
        new Project(temp)
            .file("run.sh", "echo hi\n")
            .chmod("run.sh", "rw-r--r--")
            .dockerfile("FROM alpine", "COPY run.sh /usr/local/bin/");

    var both = predictBoth(p, q -> q.chmod("run.sh", "rwxr-xr-x"));

    for (var steps : both) {
      assertThat(at(steps, 2).cause().orElseThrow())
          .extracting(MissCause::kind, MissCause::subject)
          .containsExactly(MODE_CHANGED, "run.sh");
    }
  }

  @Test
  void copyChmod_failsOnClassicAndStillHashesTheSourceModeOnBuildKit() {
    Project p =
        new Project(temp)
            .file("run.sh", "echo hi\n")
            .chmod("run.sh", "rw-r--r--")
            .dockerfile("FROM alpine", "COPY --chmod=755 run.sh /usr/local/bin/", "RUN run.sh");

    var both = predictBoth(p, q -> q.chmod("run.sh", "rwxr-xr-x"));

    assertThat(at(both.get(0), 2).cause().orElseThrow())
        .as("classic rejects --chmod")
        .extracting(MissCause::kind, MissCause::subject)
        .containsExactly(UNSUPPORTED, "--chmod");
    assertThat(kindAt(both.get(0), 3)).as("the build stops there").contains(BUILD_FAILS);
    assertThat(kindAt(both.get(1), 2))
        .as("BuildKit's content hash includes the source's mode even with --chmod")
        .contains(MODE_CHANGED);
  }

  @Test
  void runMountCache_onClassic_predictsDockersError() {
    Project p =
        new Project(temp)
            .file("requirements.txt", "flask\n")
            .dockerfile(
                "FROM python:3.11-slim",
                "COPY requirements.txt .",
                "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt",
                "CMD [\"python\"]");

    var both = predictBoth(p, q -> {});

    MissCause error = at(both.get(0), 3).cause().orElseThrow();
    assertThat(error.kind()).isEqualTo(UNSUPPORTED);
    assertThat(error.sentence())
        .as("the classic builder's own words")
        .contains(
            "the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/");
    assertThat(at(both.get(0), 2).hit()).as("steps before it still run").isTrue();
    assertThat(outcomes(both.get(1)))
        .as("BuildKit caches it")
        .containsExactly("1:HIT", "2:HIT", "3:HIT");
  }

  @Test
  void workdirWithTrailingSlash_missesOnlyOnClassic25To26() {
    Project p = new Project(temp).dockerfile("FROM alpine", "WORKDIR /root/", "RUN echo hi");
    BuildInputs before = p.inputs(CLASSIC);
    BuildInputs after = p.inputs(CLASSIC);

    var observed20 =
        CacheModel.predict(
            CLASSIC.withDaemonVersion(DockerVersion.parse("20.10.24")), before, after);
    var broken =
        CacheModel.predict(CLASSIC.withDaemonVersion(DockerVersion.parse("25.0.3")), before, after);
    var fixed =
        CacheModel.predict(CLASSIC.withDaemonVersion(DockerVersion.parse("26.1.0")), before, after);
    var buildkit = CacheModel.predict(BUILDKIT, p.inputs(BUILDKIT), p.inputs(BUILDKIT));

    assertThat(outcomes(observed20))
        .as("Docker 20.10 reuses it (seen on the real daemon)")
        .containsExactly("1:HIT", "2:HIT", "3:HIT");
    assertThat(outcomes(broken)).as("Docker 25.0").containsExactly("1:HIT", "2:MISS", "3:MISS");
    assertThat(kindAt(broken, 2)).contains(NOT_CACHEABLE);
    assertThat(at(broken, 2).cause().orElseThrow().sentence()).contains("WORKDIR /root");
    assertThat(kindAt(broken, 3)).contains(PARENT_MISSED);
    assertThat(outcomes(fixed))
        .as("Docker 26.1 fixed it")
        .containsExactly("1:HIT", "2:HIT", "3:HIT");
    assertThat(outcomes(buildkit)).containsExactly("1:HIT", "2:HIT", "3:HIT");
  }

  @Test
  void touchWithIdenticalContent_hitsOnBothBuilders() {
    Project p = node();

    var both = predictBoth(p, q -> q.touch("src/index.js"));

    for (var steps : both) {
      assertThat(steps).as("mtime is not hashed").allMatch(StepPrediction::hit);
    }
  }

  @Test
  void unreachableStage_isSkippedByBuildKitButBuiltByClassic() {
    Project p =
        new Project(temp)
            .dockerfile(
                "FROM alpine AS unused", "RUN echo unused", "FROM alpine AS app", "RUN echo app");

    var both = predictBoth(p, q -> {});

    assertThat(outcomes(both.get(0))).containsExactly("1:HIT", "2:HIT", "3:HIT", "4:HIT");
    assertThat(outcomes(both.get(1))).containsExactly("3:HIT", "4:HIT");
  }

  @Test
  void copyFromStage_hitsWhenTheRebuiltStageYieldsIdenticalFiles() {
    Project p =
        new Project(temp)
            .file("static/site.css", "body{}")
            .dockerfile(
                "FROM alpine AS assets",
                "ARG V",
                "RUN echo $V > /version",
                "COPY static/ /static/",
                "FROM alpine",
                "COPY --from=assets /static /srv/static",
                "COPY --from=assets /version /srv/version",
                "RUN echo done")
            .buildArgs(Map.of("V", "1"));

    var both = predictBoth(p, q -> q.buildArgs(Map.of("V", "2")));

    for (var steps : both) {
      assertThat(kindAt(steps, 4)).as("the stage's COPY is redone").contains(PARENT_MISSED);
      assertThat(at(steps, 6).hit())
          .as("same files: content-keyed on BuildKit, per-file hashed on classic")
          .isTrue();
      assertThat(kindAt(steps, 7))
          .as("a file a re-run RUN wrote")
          .contains(MissCause.Kind.SOURCE_STAGE_CHANGED);
    }
  }

  @Test
  void copyLink_hitsAgainAfterItsParentMissedOnBuildKit() {
    Project p =
        new Project(temp)
            .file("app.txt", "x")
            .dockerfile(
                "FROM alpine",
                "ARG V",
                "RUN echo $V",
                "COPY --link app.txt /app/",
                "RUN cat /app/app.txt")
            .buildArgs(Map.of("V", "1"));

    var both = predictBoth(p, q -> q.buildArgs(Map.of("V", "2")));

    assertThat(at(both.get(1), 4).hit()).as("--link copies onto scratch").isTrue();
    assertThat(at(both.get(1), 5).hit()).isFalse();
    assertThat(at(both.get(0), 4).hit()).as("classic chains every step").isFalse();
  }

  @Test
  void noCache_missesEveryStepButFrom() {
    Project p = node();
    BuildInputs before = p.inputs(BUILDKIT);

    var steps = CacheModel.predict(BUILDKIT, before, p.inputs(BUILDKIT).withNoCache(true));

    assertThat(outcomes(steps)).containsExactly("1:HIT", "2:MISS", "3:MISS", "4:MISS");
    assertThat(kindAt(steps, 3)).contains(NOT_CACHEABLE);
  }

  @Test
  void firstBuild_missesEverythingButFromForLackOfHistory() {
    var steps = CacheModel.predictFirstBuild(CLASSIC, node().inputs(CLASSIC));

    assertThat(steps.get(0).instruction()).startsWith("FROM");
    assertThat(steps.get(0).hit())
        .as("FROM runs nothing: the base image is taken as it is")
        .isTrue();
    assertThat(steps.subList(1, steps.size()))
        .allMatch(s -> s.kind().equals(Optional.of(NO_PREVIOUS_BUILD)));
  }

  @Test
  void changedBaseImage_isTheCauseOfTheStepAfterFrom() {
    Project p = new Project(temp).dockerfile("FROM alpine", "RUN echo hi", "RUN echo again");
    BuildInputs before = p.inputs(CLASSIC).withBaseImageDigests(Map.of("alpine", "sha256:aaa"));
    BuildInputs after = p.inputs(CLASSIC).withBaseImageDigests(Map.of("alpine", "sha256:bbb"));

    var steps = CacheModel.predict(CLASSIC, before, after);

    assertThat(outcomes(steps)).containsExactly("1:HIT", "2:MISS", "3:MISS");
    assertThat(kindAt(steps, 2)).contains(MissCause.Kind.BASE_IMAGE_CHANGED);
    assertThat(kindAt(steps, 3)).contains(PARENT_MISSED);
  }

  @Test
  void globalArg_isAnUncachedStepOnClassicOnly() {
    Project p = new Project(temp).dockerfile("ARG BASE=alpine", "FROM $BASE", "RUN echo hi");

    var both = predictBoth(p, q -> {});

    assertThat(outcomes(both.get(0))).containsExactly("1:MISS", "2:HIT", "3:HIT");
    assertThat(kindAt(both.get(0), 1)).contains(NOT_CACHEABLE);
    assertThat(outcomes(both.get(1))).containsExactly("2:HIT", "3:HIT");
  }
}
