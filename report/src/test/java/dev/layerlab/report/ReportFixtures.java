package dev.layerlab.report;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small hand-made run for renderer tests. */
final class ReportFixtures {

  private ReportFixtures() {}

  static BuildRecord build(
      String variant, String change, int rep, double seconds, boolean installCached) {
    List<StepRecord> steps =
        List.of(
            new StepRecord(1, "FROM python:3.11-slim", 0, true, 0.01, 0, "aaaaaaaaaaaa"),
            new StepRecord(2, "COPY . .", 0, installCached, 0.2, 4096, "bbbbbbbbbbbb"),
            new StepRecord(
                3,
                "RUN pip install -r requirements.txt",
                0,
                installCached,
                seconds - 0.3,
                90_000_000,
                "cccccccccccc"));
    return new BuildRecord(
        variant,
        change,
        "classic",
        rep,
        seconds,
        20_000,
        250_000_000,
        "sha256:cc",
        BuildStatus.OK,
        "",
        steps);
  }

  static RunResult run() {
    List<BuildRecord> builds = new ArrayList<>();
    builds.add(build("naive", "cold", 1, 30, false));
    builds.add(build("deps-first", "cold", 1, 31, false));
    for (int rep = 1; rep <= 3; rep++) {
      builds.add(build("naive", "edit-source", rep, 20 + rep, false));
      builds.add(build("deps-first", "edit-source", rep, 1 + rep / 10.0, true));
    }
    List<StartupRecord> startups =
        List.of(
            new StartupRecord("baked", 1, 0.8, BuildStatus.OK, ""),
            new StartupRecord("mounted", 1, 25.0, BuildStatus.OK, ""),
            new StartupRecord("baked", 2, 0.9, BuildStatus.OK, ""),
            new StartupRecord("mounted", 2, -1, BuildStatus.FAILED, "no ready line within 300 s"));
    return new RunResult(
        "run-1",
        "python-app",
        Instant.parse("2026-12-04T15:00:00Z"),
        Map.of("engine", "docker-java", "builder", "classic", "repetitions", "3"),
        builds,
        startups,
        List.of(),
        true);
  }
}
