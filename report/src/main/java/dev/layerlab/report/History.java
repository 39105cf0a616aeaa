package dev.layerlab.report;

import dev.layerlab.measure.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How each cell's median build time moved across a scenario's runs, oldest first.
 *
 * @param scenario the scenario's name
 * @param runs the runs, oldest first
 * @param cells one series per cell, each with a median per run (NaN where the run has none)
 */
public record History(String scenario, List<Run> runs, List<Series> cells) {

  /** One run of the history. */
  public record Run(String runId, Instant startedAt, boolean complete) {}

  /** One cell's medians, aligned with {@link History#runs()}. */
  public record Series(String variant, String change, List<Double> medians) {

    public Series {
      medians = List.copyOf(medians);
    }

    public String label() {
      return variant + " / " + change;
    }
  }

  public History {
    runs = List.copyOf(runs);
    cells = List.copyOf(cells);
  }

  /** The history of runs of one scenario, which must already be oldest first. */
  public static History of(String scenario, List<RunResult> oldestFirst) {
    List<RunView> views = oldestFirst.stream().map(RunView::new).toList();
    Set<List<String>> keys = new LinkedHashSet<>();
    for (RunView v : views) {
      v.cells().forEach(c -> keys.add(List.of(c.variant(), c.change())));
    }
    List<Series> series = new ArrayList<>();
    for (List<String> key : keys) {
      List<Double> medians = new ArrayList<>();
      for (RunView v : views) {
        medians.add(v.buildSummary(key.get(0), key.get(1)).median());
      }
      series.add(new Series(key.get(0), key.get(1), medians));
    }
    List<Run> runs =
        oldestFirst.stream().map(r -> new Run(r.runId(), r.startedAt(), r.complete())).toList();
    return new History(scenario, runs, series);
  }
}
