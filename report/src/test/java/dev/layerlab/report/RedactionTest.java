package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {

  private static final String SECRET = "s3cr3t-V4LUE-9f8e";

  @TempDir Path dir;

  @Test
  void secretBuildArgValue_appearsInNoFileOfTheReport() throws Exception {
    RunResult base = ReportFixtures.run();
    List<BuildRecord> builds = new ArrayList<>(base.builds());
    builds.add(
        new BuildRecord(
            "naive",
            "edit-deps",
            "classic",
            1,
            2.0,
            1,
            -1,
            "",
            BuildStatus.FAILED,
            "RUN pip install --index-url https://u:" + SECRET + "@pkgs returned 1",
            List.of(new StepRecord(1, "RUN echo " + SECRET, 3, false, 1.0, -1, ""))));
    List<StartupRecord> startups = new ArrayList<>(base.startups());
    startups.add(new StartupRecord("mounted", 3, -1, BuildStatus.FAILED, "saw " + SECRET));
    RunResult run =
        new RunResult(
            base.runId(),
            base.scenario(),
            base.startedAt(),
            Map.of("engine", "docker-java", "note", "token " + SECRET),
            builds,
            startups,
            base.advice(),
            false);
    Redactor redactor = Redactor.of(Map.of("NPM_TOKEN", SECRET), List.of());

    List<String> files = RunReport.write(run, dir, redactor);

    assertThat(files)
        .contains("results.csv", "cells.csv", "results.json", "summary.md", "report.html");
    try (var all = Files.list(dir)) {
      for (Path file : all.toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.getFileName().toString()).doesNotContain(SECRET);
      }
    }
    assertThat(Files.readString(dir.resolve("results.csv"))).contains("[redacted NPM_TOKEN]");
  }
}
