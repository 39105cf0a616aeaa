package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.dockerfile.DockerfileParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rewritable finding carries its own edit, as one replacement of the original text. */
class FixReplacementTest {

  @Test
  void addedStep_isAPureInsertionAboveTheCopy() throws Exception {
    String text = "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n";
    Analysis analysis =
        Advisor.analyze(DockerfileParser.parse(text, "Dockerfile"), text, Optional.empty());

    assertThat(analysis.fixes()).hasSize(1);
    Analysis.Fix fix = analysis.fixes().get(0);
    assertThat(fix.ruleId()).isEqualTo("LL001");
    assertThat(fix.line()).isEqualTo(4);
    assertThat(fix.replacement())
        .isEqualTo(
            new Analysis.Replacement(
                3, 1, 3, 1, "COPY pom.xml .\nRUN mvn -B dependency:go-offline\n\n"));
    assertThat(fix.replacement().applyTo(text)).isEqualTo(analysis.rewritten().orElseThrow());
  }

  @Test
  void move_replacesTheLinesFromTheCopyToTheInstall() throws Exception {
    String text = "FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n";
    Analysis analysis =
        Advisor.analyze(DockerfileParser.parse(text, "Dockerfile"), text, Optional.empty());

    Analysis.Fix fix = analysis.fixes().get(0);
    assertThat(fix.replacement().applyTo(text)).isEqualTo(analysis.rewritten().orElseThrow());
    assertThat(fix.replacement().startLine()).isEqualTo(3);
  }

  @Test
  void twoStages_eachFindingCarriesOnlyItsOwnEdit() throws Exception {
    String text =
        "FROM maven:3.9 AS a\nWORKDIR /a\nCOPY . .\nRUN mvn package\n"
            + "FROM golang:1.22 AS b\nWORKDIR /b\nCOPY . .\nRUN go build .\n";
    Analysis analysis =
        Advisor.analyze(DockerfileParser.parse(text, "Dockerfile"), text, Optional.empty());

    assertThat(analysis.fixes()).extracting(Analysis.Fix::line).containsExactly(4, 8);
    assertThat(analysis.fixes().get(0).replacement().text()).contains("dependency:go-offline");
    assertThat(analysis.fixes().get(1).replacement().text()).contains("go mod download");
    assertThat(analysis.fixes().get(1).replacement().startLine()).isEqualTo(7);
  }

  @Test
  void noRewrite_noFix() throws Exception {
    String text = "FROM rust:1\nWORKDIR /s\nCOPY . .\nRUN cargo build\n";
    Analysis analysis =
        Advisor.analyze(DockerfileParser.parse(text, "Dockerfile"), text, Optional.empty());

    assertThat(analysis.findings()).isNotEmpty();
    assertThat(analysis.fixes()).isEmpty();
  }
}
