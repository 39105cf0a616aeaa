package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.run.BenchEvent;
import dev.layerlab.secret.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretOutputTest {

  private static final String SECRET = "hunter2-abcdef";
  private static final Redactor REDACTOR = Redactor.of(Map.of("DB_PASSWORD", SECRET), List.of());

  @Test
  void eventLines_neverShowASecretValue() {
    StringWriter text = new StringWriter();
    EventPrinter printer = new EventPrinter(new PrintWriter(text), REDACTOR);

    printer.on(
        new BenchEvent.BuildFinished(
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
                "psql: password " + SECRET + " rejected",
                List.of()),
            1,
            1));
    printer.on(new BenchEvent.Note("clean-up: Docker said " + SECRET));

    assertThat(text.toString()).doesNotContain(SECRET).contains("[redacted DB_PASSWORD]");
  }

  @Test
  void failureMessageAndVerboseTrace_neverShowASecretValue() {
    Failure f =
        new Failure(
                ExitCodes.BUILD_FAILED,
                "build failed: " + SECRET,
                new IllegalStateException("engine said " + SECRET))
            .redacted(REDACTOR);

    assertThat(f.getMessage()).doesNotContain(SECRET);
    assertThat(f.trace()).doesNotContain(SECRET).contains("engine said [redacted DB_PASSWORD]");
  }

  @Test
  void secretArgs_takeValuesFromBuildArgsAndTheScenariosEnvironmentNames() {
    assertThat(SecretArgs.checkRunId("ci-1234.5")).isEqualTo("ci-1234.5");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretArgs.checkRunId("../x"))
        .hasMessageContaining("letters, digits");
  }
}
