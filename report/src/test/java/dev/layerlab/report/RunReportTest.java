package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  @TempDir Path dir;

  @Test
  void writtenAgain_replacesEveryFile_andLeavesNothingBesideTheReport() throws Exception {
    Path report = dir.resolve("run");
    RunReport.write(ReportFixtures.run(), report);
    java.nio.file.Files.writeString(report.resolve("summary.md"), "an older summary");

    List<String> files = RunReport.write(ReportFixtures.run(), report);

    assertThat(report.resolve("summary.md")).content().doesNotContain("an older summary");
    try (var beside = java.nio.file.Files.list(dir)) {
      assertThat(beside.toList()).as("no staging directory left").containsExactly(report);
    }
    try (var inside = java.nio.file.Files.list(report)) {
      assertThat(inside.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(files);
    }
  }

  @Test
  void writesEveryFile_withTheRequiredCsvColumns() throws Exception {
    List<String> files = RunReport.write(ReportFixtures.run(), dir);

    assertThat(files)
        .contains(
            "results.csv",
            "startup.csv",
            "results.json",
            "summary.md",
            "rebuild-time.png",
            "rebuild-time.svg",
            "startup-time.png",
            "startup-time.svg");
    for (String f : files) {
      assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
    }
    List<CSVRecord> rows = read(dir.resolve("results.csv"));
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsSubsequence(
            "scenario",
            "variant",
            "change",
            "builder",
            "repetition",
            "step",
            "instruction",
            "cached",
            "step_seconds",
            "build_seconds",
            "layer_bytes",
            "image_bytes",
            "status");
    assertThat(rows).hasSize(8 * 3);
    assertThat(Files.readString(dir.resolve("rebuild-time.svg"))).contains("<svg");
    List<CSVRecord> startups = read(dir.resolve("startup.csv"));
    assertThat(startups.get(0).get("mode")).isEqualTo("baked");
    assertThat(startups.stream().map(r -> r.get("repetition") + ":" + r.get("run")).toList())
        .as("repetition 1 is a mode's first run, later ones repeats")
        .containsExactly("1:first", "1:first", "2:repeat", "2:repeat");
  }

  @Test
  void failedBuildIsWrittenAsFailed_notAsFast() throws Exception {
    RunResult ok = ReportFixtures.run();
    List<BuildRecord> builds = new ArrayList<>(ok.builds());
    builds.add(
        new BuildRecord(
            "naive",
            "edit-deps",
            "classic",
            1,
            2.5,
            20_000,
            -1,
            "",
            BuildStatus.FAILED,
            "The command '/bin/sh -c pip install' returned a non-zero code: 1",
            List.of()));
    RunResult run =
        new RunResult(
            ok.runId(),
            ok.scenario(),
            ok.startedAt(),
            ok.environment(),
            builds,
            ok.startups(),
            ok.advice(),
            false);

    RunReport.write(run, dir);

    CSVRecord last = read(dir.resolve("results.csv")).get(24);
    assertThat(last.get("status")).isEqualTo("failed");
    assertThat(last.get("error")).contains("non-zero code");
    String md = Files.readString(dir.resolve("summary.md"));
    assertThat(md).contains("stopped early").contains("## Failed builds");
    assertThat(md).doesNotContain("| naive | edit-deps |");
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }
}
