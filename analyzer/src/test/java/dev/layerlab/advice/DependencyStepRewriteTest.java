package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LL001's second kind of rewrite: where the build needs the source, a dependency-only step (copy
 * the manifests, fetch) is added above the copy of the source and the build stays as written.
 */
class DependencyStepRewriteTest {

  private static final Path SCENARIOS = Path.of("..", "scenarios");

  @TempDir Path context;

  private static Analysis analyze(String text, Optional<Path> contextDir) {
    try {
      return Advisor.analyze(DockerfileParser.parse(text, "Dockerfile"), text, contextDir);
    } catch (DockerfileException e) {
      throw new AssertionError(e);
    }
  }

  private static Analysis scenario(String name) throws Exception {
    Path dir = SCENARIOS.resolve(name);
    Path file = dir.resolve("Dockerfile.naive");
    return Advisor.analyze(DockerfileParser.parse(file), Files.readString(file), Optional.of(dir));
  }

  private Analysis inContext(String text, String... files) throws Exception {
    for (String f : files) {
      Path p = context.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.endsWith("pom.xml") ? "<project></project>\n" : "x\n");
    }
    return analyze(text, Optional.of(context));
  }

  @Test
  void javaAppNaive_getsPomCopyAndGoOffline_aboveCopyAll_buildUnchanged() throws Exception {
    Analysis analysis = scenario("java-app");

    assertThat(analysis.findings())
        .extracting(Finding::ruleId, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("LL001", 9), tuple("LL010", 9));
    String original = Files.readString(SCENARIOS.resolve("java-app/Dockerfile.naive"));
    String expected =
        original.replace(
            "WORKDIR /app\n\nCOPY . .\n",
            "WORKDIR /app\n\nCOPY pom.xml .\nRUN mvn -q -B dependency:go-offline\n\nCOPY . .\n");
    assertThat(analysis.rewritten()).as("the rewrite").contains(expected);
    assertThat(analysis.edits())
        .containsExactly(
            "line 7: added `COPY pom.xml .` and `RUN mvn -q -B dependency:go-offline` above"
                + " `COPY . .`, so the build (line 9) finds Maven's dependencies in its local"
                + " repository");
    assertThat(analysis.addedSteps())
        .as("where the added step may leave files the original never fetched")
        .extracting(Analysis.AddedStep::repository)
        .containsExactly("*/.m2/repository");
  }

  @Test
  void multistageAppNaive_getsTheSameRewrite() throws Exception {
    Analysis analysis = scenario("multistage-app");

    String original = Files.readString(SCENARIOS.resolve("multistage-app/Dockerfile.naive"));
    assertThat(analysis.rewritten())
        .contains(
            original.replace(
                "COPY . .\n", "COPY pom.xml .\nRUN mvn -q -B dependency:go-offline\n\nCOPY . .\n"));
  }

  @Test
  void maven_keepsTheUsersFlags_dropsGoalsAndOffline() {
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "# everything at once\n"
                + "COPY . .\n"
                + "RUN mvn -B -e -Pprod -DskipTests -o --settings=/etc/m2.xml clean package\n",
            Optional.empty());

    assertThat(analysis.rewritten())
        .contains(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "COPY pom.xml .\n"
                + "RUN mvn -B -e -Pprod -DskipTests --settings=/etc/m2.xml dependency:go-offline\n"
                + "\n"
                + "# everything at once\n"
                + "COPY . .\n"
                + "RUN mvn -B -e -Pprod -DskipTests -o --settings=/etc/m2.xml clean package\n");
  }

  @Test
  void maven_pomNamedWithF_isCopiedToItsDirectory_andTheFlagKept() throws Exception {
    Analysis analysis =
        inContext(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "COPY . .\n"
                + "RUN mvn -q -f server/pom.xml package\n",
            "server/pom.xml",
            "server/src/Main.java");

    assertThat(analysis.rewritten())
        .contains(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "COPY server/pom.xml server/\n"
                + "RUN mvn -q -f server/pom.xml dependency:go-offline\n"
                + "\n"
                + "COPY . .\n"
                + "RUN mvn -q -f server/pom.xml package\n");
  }

  @Test
  void maven_multiModulePom_noRewrite_andTheFindingSaysWhy() throws Exception {
    Path pom = context.resolve("pom.xml");
    Files.writeString(
        pom, "<project>\n  <modules>\n    <module>core</module>\n  </modules>\n</project>\n");
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17\nWORKDIR /src\nCOPY . .\nRUN mvn package\n",
            Optional.of(context));

    assertThat(analysis.rewritten()).isEmpty();
    Finding ll001 = analysis.findings().get(0);
    assertThat(ll001.ruleId()).isEqualTo("LL001");
    assertThat(ll001.message())
        .contains("no rewrite: pom.xml lists <modules>, whose own pom.xml files the added step");
  }

  @Test
  void maven_copyDestinationOtherThanWorkdir_noRewrite_andSaysWhy() {
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /app\n"
                + "COPY . /build\n"
                + "RUN mvn -f /build/pom.xml package\n",
            Optional.empty());

    assertThat(analysis.rewritten()).isEmpty();
    assertThat(analysis.findings().get(0).message())
        .contains("no rewrite: COPY . /build (line 3) copies into /build, not the working");
  }

  @Test
  void maven_workdirChangedBetweenCopyAndBuild_noRewrite() {
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "COPY . .\n"
                + "WORKDIR /src/server\n"
                + "RUN mvn package\n",
            Optional.empty());

    assertThat(analysis.rewritten()).isEmpty();
    assertThat(analysis.findings().get(0).message())
        .contains("no rewrite: WORKDIR /src/server (line 4) sits between");
  }

  @Test
  void maven_argBetweenCopyAndBuild_noRewrite() {
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "COPY . .\n"
                + "ARG REVISION\n"
                + "RUN mvn -Drevision=$REVISION package\n",
            Optional.empty());

    assertThat(analysis.rewritten()).isEmpty();
    assertThat(analysis.findings().get(0).message())
        .contains("no rewrite: ARG REVISION (line 4) sits between");
  }

  @Test
  void maven_wrapper_noRewrite_andSaysWhy() {
    Analysis analysis =
        analyze(
            "FROM eclipse-temurin:17\nWORKDIR /src\nCOPY . .\nRUN ./mvnw -B package\n",
            Optional.empty());

    assertThat(analysis.rewritten()).isEmpty();
    assertThat(analysis.findings().get(0).message())
        .contains("no rewrite: the build runs the Maven wrapper");
  }

  @Test
  void maven_commandAfterAnotherInTheSameRun_noRewrite() {
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17\n"
                + "WORKDIR /src\n"
                + "COPY . .\n"
                + "RUN cd server && mvn package\n",
            Optional.empty());

    assertThat(analysis.rewritten()).isEmpty();
    assertThat(analysis.findings().get(0).message())
        .contains("no rewrite: the RUN runs `cd server` before Maven");
  }

  @Test
  void maven_afterCopySrc_withPomAlreadyCopied_addsOnlyTheFetch() {
    Analysis analysis =
        analyze(
            "FROM maven:3.9-eclipse-temurin-17 AS build\n"
                + "WORKDIR /src\n"
                + "COPY pom.xml .\n"
                + "COPY src ./src\n"
                + "RUN mvn -B package\n",
            Optional.empty());

    assertThat(analysis.rewritten())
        .contains(
            "FROM maven:3.9-eclipse-temurin-17 AS build\n"
                + "WORKDIR /src\n"
                + "COPY pom.xml .\n"
                + "RUN mvn -B dependency:go-offline\n"
                + "\n"
                + "COPY src ./src\n"
                + "RUN mvn -B package\n");
  }

  @Test
  void go_copiesGoModAndSum_andDownloads() throws Exception {
    Analysis analysis =
        inContext(
            "FROM golang:1.22\n"
                + "WORKDIR /src\n"
                + "COPY . .\n"
                + "RUN CGO_ENABLED=0 go build -o /app ./cmd/app\n",
            "go.mod",
            "go.sum",
            "cmd/app/main.go");

    assertThat(analysis.rewritten())
        .contains(
            "FROM golang:1.22\n"
                + "WORKDIR /src\n"
                + "COPY go.mod go.sum ./\n"
                + "RUN go mod download\n"
                + "\n"
                + "COPY . .\n"
                + "RUN CGO_ENABLED=0 go build -o /app ./cmd/app\n");
    assertThat(analysis.addedSteps())
        .extracting(Analysis.AddedStep::repository)
        .containsExactly("*/pkg/mod");
  }

  @Test
  void go_withoutGoSum_copiesGoModAlone() throws Exception {
    Analysis analysis =
        inContext(
            "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
            "go.mod",
            "main.go");

    assertThat(analysis.rewritten())
        .get()
        .asString()
        .contains("COPY go.mod .\nRUN go mod download");
  }

  @Test
  void go_vendored_noRewrite() throws Exception {
    Analysis analysis =
        inContext(
            "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
            "go.mod",
            "go.sum",
            "vendor/modules.txt");

    assertThat(analysis.rewritten()).isEmpty();
    assertThat(analysis.findings().get(0).message())
        .contains("no rewrite: the context has vendor/, so the build downloads nothing");
  }

  @Test
  void cargoAndGradle_noRewrite_andTheFindingSaysWhy() {
    Analysis cargo =
        analyze(
            "FROM rust:1.79\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n",
            Optional.empty());
    Analysis gradle =
        analyze(
            "FROM gradle:8-jdk17\nWORKDIR /src\nCOPY . .\nRUN gradle build --no-daemon\n",
            Optional.empty());

    assertThat(cargo.rewritten()).isEmpty();
    assertThat(cargo.findings().get(0).message())
        .contains("no rewrite: `cargo fetch` needs the crate's targets");
    assertThat(gradle.rewritten()).isEmpty();
    assertThat(gradle.findings().get(0).message())
        .contains("no rewrite: Gradle has no standard command");
  }

  @Test
  void pythonAppNaive_stillGetsTheMove_andAddsNoStep() throws Exception {
    Path dir = SCENARIOS.resolve("python-app");
    Path file = dir.resolve("Dockerfile.naive");
    Analysis analysis =
        Advisor.analyze(DockerfileParser.parse(file), Files.readString(file), Optional.of(dir));

    assertThat(analysis.rewritten()).isPresent();
    assertThat(analysis.addedSteps()).isEmpty();
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
