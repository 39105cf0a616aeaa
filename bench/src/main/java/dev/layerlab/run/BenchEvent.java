package dev.layerlab.run;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.StartupRecord;

/** What a running bench tells the outside world; the CLI decides what reaches the terminal. */
public sealed interface BenchEvent {

  /** The run began; {@code builds} builds and {@code startups} start-ups are planned. */
  record RunStarted(String runId, String scenario, String engine, int builds, int startups)
      implements BenchEvent {}

  /** A build is about to start. {@code number} counts from 1 up to {@code total}. */
  record BuildStarted(String variant, String change, int repetition, int number, int total)
      implements BenchEvent {}

  /** A build ended, well or not. */
  record BuildFinished(BuildRecord build, int number, int total) implements BenchEvent {}

  /** A start-up was measured. */
  record StartupFinished(StartupRecord startup) implements BenchEvent {}

  /** A cold-built image's layers were analysed for wasted bytes. */
  record ImageAnalysed(dev.layerlab.measure.ImageEfficiency image) implements BenchEvent {}

  /** Anything else worth a line: clean-up, skipped work. */
  record Note(String message) implements BenchEvent {}
}
