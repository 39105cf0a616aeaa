package dev.layerlab.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void namesContainingSecretWords_areSecretInAnyCase() {
    assertThat(Redactor.looksSecret("NPM_TOKEN")).isTrue();
    assertThat(Redactor.looksSecret("db_password")).isTrue();
    assertThat(Redactor.looksSecret("ClientSecret")).isTrue();
    assertThat(Redactor.looksSecret("AWS_ACCESS_KEY_ID")).isTrue();
    assertThat(Redactor.looksSecret("PIP_INDEX_URL")).isFalse();
  }

  @Test
  void secretValuesAreReplaced_plainOnesKept_markedOnesReplaced() {
    Redactor r =
        Redactor.of(
            Map.of(
                "NPM_TOKEN", "tok-123", "PIP_INDEX_URL", "http://127.0.0.1:3141", "MIRROR", "m1"),
            List.of("mirror"));

    assertThat(r.apply("npm login tok-123 from http://127.0.0.1:3141 via m1"))
        .isEqualTo(
            "npm login [redacted NPM_TOKEN] from http://127.0.0.1:3141 via [redacted MIRROR]");
  }

  @Test
  void longerSecretsAreReplacedBeforeTheirPrefixes() {
    Redactor r = Redactor.of(Map.of("A_KEY", "abc", "B_KEY", "abcdef"), List.of());

    assertThat(r.apply("x abcdef y abc")).isEqualTo("x [redacted B_KEY] y [redacted A_KEY]");
  }

  @Test
  void emptyValuesRedactNothing() {
    Redactor r = Redactor.of(Map.of("API_KEY", ""), List.of());

    assertThat(r.isActive()).isFalse();
    assertThat(r.apply("text")).isEqualTo("text");
  }

  @Test
  void buildRecordsAreRedactedInStepsAndErrors() {
    Redactor r = Redactor.of(Map.of("GH_TOKEN", "ghp_s3cr3t"), List.of());
    BuildRecord b =
        new BuildRecord(
            "v",
            "cold",
            "classic",
            1,
            1.0,
            1,
            -1,
            "",
            BuildStatus.FAILED,
            "curl -H 'Authorization: ghp_s3cr3t' failed",
            List.of(new StepRecord(1, "RUN echo ghp_s3cr3t", 2, false, 0.5, -1, "")));

    BuildRecord red = r.apply(b);

    assertThat(red.error()).doesNotContain("ghp_s3cr3t").contains("[redacted GH_TOKEN]");
    assertThat(red.steps().get(0).instruction()).isEqualTo("RUN echo [redacted GH_TOKEN]");
  }
}
