package dev.layerlab.report;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groupings of a run that several renderers need: cells, medians, rebuilt steps. */
public final class RunView {

  private final RunResult run;

  public RunView(RunResult run) {
    this.run = run;
  }

  /**
   * The name a build's variant goes by in tables and charts: the variant alone when the run used
   * one builder, else the variant and the builder, since the builders' caches behave differently
   * and their timings must never be pooled.
   */
  public String label(BuildRecord b) {
    return multiBuilder() ? label(b.variant(), b.builder()) : b.variant();
  }

  /** The label of a variant built by a builder, as {@link #label(BuildRecord)} gives it. */
  public String label(String variant, String builder) {
    return multiBuilder() ? variant + " · " + builder : variant;
  }

  /** The variant labels of one builder's builds, in the order they were built. */
  public List<String> variants(String builder) {
    java.util.Set<String> v = new java.util.LinkedHashSet<>();
    run.builds().stream().filter(b -> b.builder().equals(builder)).forEach(b -> v.add(label(b)));
    return List.copyOf(v);
  }

  /** The builders the run used, in the order they ran. */
  public List<String> builders() {
    java.util.Set<String> b = new java.util.LinkedHashSet<>();
    run.builds().forEach(x -> b.add(x.builder()));
    return List.copyOf(b);
  }

  private boolean multiBuilder() {
    return run.builds().stream().map(BuildRecord::builder).distinct().count() > 1;
  }

  public RunResult run() {
    return run;
  }

  /** Variants in the order they were built. */
  public List<String> variants() {
    Set<String> v = new LinkedHashSet<>();
    run.builds().forEach(b -> v.add(label(b)));
    return List.copyOf(v);
  }

  /** Change names in the order they were built, {@code cold} first. */
  public List<String> changes() {
    Set<String> c = new LinkedHashSet<>();
    run.builds().forEach(b -> c.add(b.change()));
    return List.copyOf(c);
  }

  /** Successful builds of one cell. */
  public List<BuildRecord> builds(String variant, String change) {
    return run.builds().stream()
        .filter(b -> label(b).equals(variant) && b.change().equals(change))
        .filter(b -> b.status() == BuildStatus.OK)
        .toList();
  }

  /** One cell of the run: a variant after a change pattern, over its repetitions. */
  public record Cell(String variant, String change, Summary seconds, int failed) {}

  /** Every cell that has a build, successful or not, in build order. */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (String v : variants()) {
      for (String c : changes()) {
        long failed =
            run.builds().stream()
                .filter(b -> label(b).equals(v) && b.change().equals(c))
                .filter(b -> b.status() != BuildStatus.OK)
                .count();
        Summary s = buildSummary(v, c);
        if (!s.isEmpty() || failed > 0) {
          cells.add(new Cell(v, c, s, (int) failed));
        }
      }
    }
    return List.copyOf(cells);
  }

  /** Centre, spread and outliers of a cell's successful builds, labelled by repetition. */
  public Summary buildSummary(String variant, String change) {
    List<BuildRecord> builds = builds(variant, change);
    return Summary.of(
        builds.stream().map(BuildRecord::seconds).toList(),
        builds.stream().map(BuildRecord::repetition).toList());
  }

  /** Centre, spread and outliers of one start-up mode's successful runs. */
  public Summary startupSummary(String mode) {
    return startupSummary(mode, null);
  }

  /**
   * The same for a mode's successful start-ups that were its {@code first} or a {@code repeat} (see
   * {@link StartupRecord#run()}); all of them when {@code run} is null.
   */
  public Summary startupSummary(String mode, String run) {
    List<StartupRecord> ok =
        this.run.startups().stream()
            .filter(s -> s.mode().equals(mode) && s.status() == BuildStatus.OK)
            .filter(s -> run == null || s.run().equals(run))
            .toList();
    return Summary.of(
        ok.stream().map(StartupRecord::seconds).toList(),
        ok.stream().map(StartupRecord::repetition).toList());
  }

  /**
   * The steps that ran (were not cached) in a cell, with how many of its builds ran each. Steps are
   * named by their instruction text.
   */
  public Map<String, Integer> rebuiltSteps(String variant, String change) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (BuildRecord b : builds(variant, change)) {
      for (StepRecord s : b.steps()) {
        if (!s.cached()) {
          counts.merge(s.instruction(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Start-up modes in the order they were measured. */
  public List<String> startupModes() {
    Set<String> m = new LinkedHashSet<>();
    run.startups().forEach(s -> m.add(s.mode()));
    return List.copyOf(m);
  }

  /**
   * How often the cache model's prediction matched the engine, for one builder.
   *
   * @param right steps predicted right
   * @param steps steps predicted
   */
  public record Agreement(String builder, int right, int steps) {
    public double percent() {
      return 100.0 * right / steps;
    }
  }

  /** The model's agreement with the engine per builder, in the order the builders ran. */
  public List<Agreement> agreement() {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (dev.layerlab.measure.PredictionRecord p : run.predictions()) {
      int[] c = counts.computeIfAbsent(p.builder(), b -> new int[2]);
      c[0] += p.agrees() ? 1 : 0;
      c[1]++;
    }
    List<Agreement> out = new ArrayList<>();
    counts.forEach((b, c) -> out.add(new Agreement(b, c[0], c[1])));
    return List.copyOf(out);
  }

  /** The steps the model predicted wrong. */
  public List<dev.layerlab.measure.PredictionRecord> disagreements() {
    return run.predictions().stream().filter(p -> !p.agrees()).toList();
  }

  public List<BuildRecord> failedBuilds() {
    return run.builds().stream().filter(b -> b.status() != BuildStatus.OK).toList();
  }
}
