package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.dockerfile.DockerfileParser;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdviceConfigTest {

  private static final Path FILE = Path.of(".layerlab.yaml");

  @Test
  void parse_readsIgnoreSeverityAndThreshold() throws Exception {
    AdviceConfig cfg =
        AdviceConfig.parse(
            "ignore: [LL005]\nseverity:\n  LL003: error\nfailure-threshold: error\n", FILE);

    assertThat(cfg.ignore()).containsExactly("LL005");
    assertThat(cfg.severity()).containsEntry("LL003", Severity.ERROR);
    assertThat(cfg.failureThreshold()).contains(FailureThreshold.ERROR);
  }

  @Test
  void parse_emptyFile_isEmptyConfig() throws Exception {
    assertThat(AdviceConfig.parse("# nothing\n", FILE)).isEqualTo(AdviceConfig.empty());
  }

  @Test
  void unknownRuleId_namesFileAndLine() {
    assertThatThrownBy(() -> AdviceConfig.parse("ignore:\n  - LL005\n  - LL999\n", FILE))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(".layerlab.yaml:3: unknown rule id 'LL999'")
        .extracting(e -> ((ConfigException) e).line())
        .isEqualTo(3);
  }

  @Test
  void badThreshold_namesFileAndLine() {
    assertThatThrownBy(() -> AdviceConfig.parse("ignore: []\nfailure-threshold: loud\n", FILE))
        .hasMessage(
            ".layerlab.yaml:2: failure-threshold 'loud' is not one of error, warning, info, none");
  }

  @Test
  void badSeverity_namesFileAndLine() {
    assertThatThrownBy(() -> AdviceConfig.parse("severity:\n  LL001: fatal\n", FILE))
        .hasMessageStartingWith(".layerlab.yaml:2: severity of LL001: 'fatal'");
  }

  @Test
  void invalidYaml_namesFileAndLine() {
    assertThatThrownBy(() -> AdviceConfig.parse("ignore: [LL001\nseverity: {\n", FILE))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(".layerlab.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void unknownKey_isRejected() {
    assertThatThrownBy(() -> AdviceConfig.parse("ignores: [LL001]\n", FILE))
        .hasMessageStartingWith(".layerlab.yaml:1: unknown key 'ignores'");
  }

  @Test
  void configIgnoreAndSeverity_applyToFindings() throws Exception {
    String text = "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n";
    AdviceConfig cfg = AdviceConfig.parse("ignore: [LL005]\nseverity: {LL004: error}\n", FILE);

    Analysis analysis =
        Advisor.analyze(
            DockerfileParser.parse(text, "Dockerfile"),
            text,
            AdviceOptions.defaults(Optional.empty()).withConfig(cfg));

    assertThat(analysis.findings())
        .extracting(Finding::ruleId, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("LL004", Severity.ERROR));
  }

  @Test
  void inlineIgnore_suppressesOnlyTheNamedRulesOnTheNextInstruction() throws Exception {
    String text =
        "FROM debian:12\n"
            + "# refreshed on purpose\n"
            + "# layerlab ignore=LL004,LL005\n"
            + "RUN apt-get update\n"
            + "RUN apt-get install -y curl\n"
            + "# layerlab ignore=LL007\n"
            + "RUN apt-get update && apt-get install -y git\n";

    Analysis analysis =
        Advisor.analyze(
            DockerfileParser.parse(text, "Dockerfile"),
            text,
            AdviceOptions.defaults(Optional.empty()));

    assertThat(analysis.findings())
        .as("LL004/LL005 on line 4 suppressed; LL005 on line 7 kept")
        .extracting(Finding::ruleId, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("LL005", 7));
    assertThat(analysis.suppressed()).isEqualTo(2);
  }
}
