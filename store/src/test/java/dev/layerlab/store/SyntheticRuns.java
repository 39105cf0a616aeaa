package dev.layerlab.store;

import dev.layerlab.advice.Finding;
import dev.layerlab.advice.Severity;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.measure.WastedPath;
import dev.layerlab.run.BenchEvent;
import dev.layerlab.run.BenchListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test-only runs made up by hand, and a way to play one into a listener as a bench would. */
final class SyntheticRuns {

  private SyntheticRuns() {}

  static BuildRecord build(String variant, String change, int rep, double seconds) {
    return new BuildRecord(
        variant,
        change,
        "classic",
        rep,
        seconds,
        20_480,
        250_000_000,
        "sha256:" + variant + rep,
        BuildStatus.OK,
        "",
        List.of(
            new StepRecord(1, "FROM python:3.11-slim", 3, true, 0.001, 142_000_000, "aaa"),
            new StepRecord(
                2, "COPY . .", 7, false, 0.13, 1849, "bbb", java.util.OptionalDouble.of(0.1)),
            new StepRecord(
                3,
                "RUN pip install -r requirements.txt",
                10,
                false,
                seconds - 0.2,
                90_000_000,
                "ccc")));
  }

  /**
   * A run of {@code scenario} whose {@code naive / edit-source} median is {@code naiveSeconds} and
   * {@code deps-first / edit-source} median is {@code fastSeconds}.
   */
  static RunResult run(
      String runId, String scenario, Instant startedAt, double naiveSeconds, double fastSeconds) {
    List<BuildRecord> builds = new ArrayList<>();
    builds.add(build("naive", "cold", 1, 30));
    for (int rep = 1; rep <= 3; rep++) {
      builds.add(build("naive", "edit-source", rep, naiveSeconds + (rep - 2) * 0.5));
    }
    builds.add(build("deps-first", "cold", 1, 31));
    for (int rep = 1; rep <= 3; rep++) {
      builds.add(build("deps-first", "edit-source", rep, fastSeconds + (rep - 2) * 0.05));
    }
    return new RunResult(
        runId,
        scenario,
        startedAt,
        Map.of("engine", "docker-java", "builder", "classic", "repetitions", "3"),
        builds,
        List.of(
            new StartupRecord("baked", 1, 0.6, BuildStatus.OK, ""),
            new StartupRecord("mounted", 1, -1, BuildStatus.FAILED, "no ready line")),
        List.of(
            new VariantAdvice(
                "naive",
                "Dockerfile.naive",
                List.of(
                    new Finding(
                        "LL001",
                        Severity.WARNING,
                        "Dockerfile.naive",
                        10,
                        "install after COPY . .",
                        "copy requirements.txt first")),
                Optional.of("FROM python:3.11-slim\n"),
                List.of("line 7: moved the install"),
                Optional.of("deps-first"))),
        List.of(),
        List.of(
            new ImageEfficiency(
                "naive",
                "classic",
                "sha256:naive1",
                3,
                250_000_000,
                1_000_000,
                0,
                2.5,
                List.of(
                    new WastedPath(
                        "tmp/app.tgz",
                        1_000_000,
                        2,
                        "line 7: COPY . .",
                        3,
                        "line 10: RUN pip install -r requirements.txt",
                        "deleted")))),
        true);
  }

  /** Plays a run into a listener the way a bench sends events, builds first, then start-ups. */
  static void play(RunResult run, BenchListener listener) {
    listener.on(
        new BenchEvent.RunStarted(
            run.runId(),
            run.scenario(),
            "docker-java",
            run.builds().size(),
            run.startups().size()));
    int n = 0;
    for (BuildRecord b : run.builds()) {
      listener.on(new BenchEvent.BuildStarted(b.variant(), b.change(), b.repetition(), ++n, 0));
      listener.on(new BenchEvent.BuildFinished(b, n, run.builds().size()));
    }
    run.startups().forEach(s -> listener.on(new BenchEvent.StartupFinished(s)));
    run.images().forEach(i -> listener.on(new BenchEvent.ImageAnalysed(i)));
  }

  /** The same run with only its first {@code builds} builds and no start-ups, not complete. */
  static RunResult cut(RunResult run, int builds) {
    return new RunResult(
        run.runId(),
        run.scenario(),
        run.startedAt(),
        run.environment(),
        run.builds().subList(0, builds),
        List.of(),
        run.advice(),
        false);
  }
}
