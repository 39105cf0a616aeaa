package dev.layerlab.cli;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.run.BenchEvent;
import dev.layerlab.run.BenchListener;
import dev.layerlab.secret.Redactor;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a bench's events as plain one-line messages. */
final class EventPrinter implements BenchListener {

  private final PrintWriter err;
  private final Redactor redactor;

  EventPrinter(PrintWriter err) {
    this(err, Redactor.none());
  }

  /** Prints lines with every secret build-argument value replaced. */
  EventPrinter(PrintWriter err, Redactor redactor) {
    this.err = err;
    this.redactor = redactor;
  }

  @Override
  public void on(BenchEvent event) {
    String line = null;
    if (event instanceof BenchEvent.RunStarted s) {
      line =
          "bench "
              + s.scenario()
              + ": run "
              + s.runId()
              + ", "
              + s.builds()
              + " builds and "
              + s.startups()
              + " start-ups with "
              + s.engine();
    } else if (event instanceof BenchEvent.BuildFinished f) {
      line = build(f.build(), f.number(), f.total());
    } else if (event instanceof BenchEvent.StartupFinished s) {
      line = startup(s.startup());
    } else if (event instanceof BenchEvent.ImageAnalysed a) {
      line = image(a.image());
    } else if (event instanceof BenchEvent.Note n) {
      line = n.message();
    }
    if (line != null) {
      err.println(redactor.apply(line));
      err.flush();
    }
  }

  private static String image(dev.layerlab.measure.ImageEfficiency i) {
    return String.format(
        Locale.ROOT,
        "image %s (%s): %d layers, %,d bytes, %,d wasted: %.1f%% efficient (read in %.1f s)",
        i.variant(),
        i.builder(),
        i.layers(),
        i.totalBytes(),
        i.wastedBytes(),
        i.efficiencyPercent(),
        i.analysisSeconds());
  }

  /** Prints the cache model's agreement with the engine, and every disagreement in full. */
  void agreement(dev.layerlab.measure.RunResult run) {
    dev.layerlab.report.RunView view = new dev.layerlab.report.RunView(run);
    for (dev.layerlab.measure.PredictionRecord p : view.disagreements()) {
      err.println(
          "prediction disagrees: "
              + p.builder()
              + " "
              + p.variant()
              + " "
              + p.change()
              + " #"
              + p.repetition()
              + " line "
              + p.line()
              + " "
              + p.instruction()
              + ": "
              + p.answers()
              + (p.cause().isEmpty() ? "" : " (" + p.cause() + ")"));
    }
    for (dev.layerlab.report.RunView.Agreement a : view.agreement()) {
      err.println(
          String.format(
              Locale.ROOT,
              "prediction agreement, %s builder: %d of %d steps (%.1f%%)",
              a.builder(),
              a.right(),
              a.steps(),
              a.percent()));
    }
    err.flush();
  }

  private static String build(BuildRecord b, int number, int total) {
    String head =
        String.format(
            Locale.ROOT,
            "[%d/%d] %s %s #%d: ",
            number,
            total,
            b.variant(),
            b.change(),
            b.repetition());
    if (b.status() != BuildStatus.OK) {
      return head + "FAILED after " + seconds(b.seconds()) + ": " + b.error();
    }
    return head
        + seconds(b.seconds())
        + ", "
        + b.cachedSteps()
        + " of "
        + b.steps().size()
        + " steps cached";
  }

  private static String startup(StartupRecord s) {
    String head = "start-up " + s.mode() + " #" + s.repetition() + ": ";
    return s.status() == BuildStatus.OK
        ? head + seconds(s.seconds())
        : head + "FAILED: " + s.error();
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }
}
