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
  void resultsJson_listsTheEnvironmentInKeyOrder_soThatWritingAgainChangesNothing()
      throws Exception {
    RunResult run = ReportFixtures.run();
    java.util.Map<String, String> environment = new java.util.HashMap<>();
    for (String key : List.of("zeta", "alpha", "mid", "docker_version", "cores", "network")) {
      environment.put(key, key + "-value");
    }
    RunResult shuffled =
        new RunResult(
            run.runId(),
            run.scenario(),
            run.startedAt(),
            environment,
            run.builds(),
            run.startups(),
            run.advice(),
            run.predictions(),
            run.images(),
            run.complete());

    RunReport.write(shuffled, dir.resolve("a"));
    String json = Files.readString(dir.resolve("a").resolve("results.json"));
    List<Integer> at = new ArrayList<>();
    for (String key : List.of("alpha", "cores", "docker_version", "mid", "network", "zeta")) {
      at.add(json.indexOf("\"" + key + "\" : \"" + key + "-value\""));
    }

    assertThat(at).doesNotContain(-1).isSorted();
    RunReport.write(JsonReport.read(dir.resolve("a").resolve("results.json")), dir.resolve("b"));
    assertThat(dir.resolve("b").resolve("results.json"))
        .hasSameTextualContentAs(dir.resolve("a").resolve("results.json"));
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
            "engine_seconds",
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

  @Test
  void engineSeconds_besideTheClientsTime_emptyWhereTheBuilderGaveNone() throws Exception {
    RunResult ok = ReportFixtures.run();
    List<BuildRecord> builds = new ArrayList<>(ok.builds());
    builds.add(
        new BuildRecord(
            "naive",
            "edit-deps",
            "buildkit",
            1,
            2.5,
            20_000,
            1000,
            "sha256:dd",
            BuildStatus.OK,
            "",
            List.of(
                new dev.layerlab.measure.StepRecord(
                    1, "RUN make", 4, false, 2.25, 10, "", java.util.OptionalDouble.of(2.1)))));
    RunResult run =
        new RunResult(
            ok.runId(),
            ok.scenario(),
            ok.startedAt(),
            ok.environment(),
            builds,
            ok.startups(),
            ok.advice(),
            true);

    RunReport.write(run, dir);

    List<CSVRecord> rows = read(dir.resolve("results.csv"));
    CSVRecord buildkit = rows.get(24);
    assertThat(buildkit.get("step_seconds")).isEqualTo("2.250");
    assertThat(buildkit.get("engine_seconds")).isEqualTo("2.100");
    assertThat(rows.get(0).get("engine_seconds")).as("classic: the builder gives none").isEmpty();
    assertThat(JsonReport.read(dir.resolve("results.json")).builds().get(8).steps().get(0))
        .as("results.json keeps both")
        .isEqualTo(builds.get(8).steps().get(0));
    assertThat(JsonReport.read(dir.resolve("results.json")).builds().get(0).steps().get(0))
        .isEqualTo(builds.get(0).steps().get(0));
  }

  @Test
  void imageEfficiency_inItsCsvs_theSummary_thePage_andResultsJson() throws Exception {
    dev.layerlab.measure.WastedPath wasted =
        new dev.layerlab.measure.WastedPath(
            "tmp/app.tgz",
            5_000_000,
            2,
            "line 4: COPY app.tgz /tmp/",
            3,
            "line 6: RUN tar xf /tmp/app.tgz && rm /tmp/app.tgz",
            "deleted");
    RunResult run =
        ReportFixtures.run()
            .withImages(
                List.of(
                    new dev.layerlab.measure.ImageEfficiency(
                        "naive",
                        "classic",
                        "sha256:cc",
                        4,
                        20_000_000,
                        5_000_000,
                        0,
                        1.5,
                        List.of(wasted))));

    List<String> files = RunReport.write(run, dir);

    assertThat(files).contains("images.csv", "wasted-paths.csv");
    CSVRecord image = read(dir.resolve("images.csv")).get(0);
    assertThat(image.get("variant")).isEqualTo("naive");
    assertThat(image.get("total_bytes")).isEqualTo("20000000");
    assertThat(image.get("wasted_bytes")).isEqualTo("5000000");
    assertThat(image.get("efficiency_percent")).isEqualTo("75.00");
    CSVRecord path = read(dir.resolve("wasted-paths.csv")).get(0);
    assertThat(path.get("path")).isEqualTo("tmp/app.tgz");
    assertThat(path.get("written_by")).isEqualTo("line 4: COPY app.tgz /tmp/");
    assertThat(path.get("how")).isEqualTo("deleted");
    assertThat(Files.readString(dir.resolve("summary.md")))
        .contains("## Image efficiency")
        .contains("| naive | 4 | 20.0 MB | 5.00 MB | 75.0% | 1.5 s |")
        .contains("`/tmp/app.tgz`");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<section id=\"efficiency\">")
        .contains("75.0%");
    assertThat(JsonReport.read(dir.resolve("results.json")).images()).isEqualTo(run.images());
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
