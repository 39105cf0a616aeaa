package dev.layerlab.cli;

import dev.layerlab.run.BenchEvent;
import dev.layerlab.run.BenchListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for a bench on a terminal: the current cell, builds done of total,
 * elapsed time and an estimate of the time left. Event lines from the {@link EventPrinter} are
 * printed above it; when output is not a terminal (or in CI) only those plain lines appear.
 */
final class ProgressBar implements BenchListener {

  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final BenchListener lines;
  private final LongSupplier nanos;
  private long startedNanos = -1;
  private int done;
  private int total;
  private String current = "";
  private boolean drawn;

  ProgressBar(PrintWriter err, BenchListener lines, LongSupplier nanos) {
    this.err = err;
    this.lines = lines;
    this.nanos = nanos;
  }

  /** Whether to draw a bar: a terminal, and not a CI job. */
  static boolean wanted() {
    return System.console() != null
        && System.getenv("CI") == null
        && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public synchronized void on(BenchEvent event) {
    clear();
    lines.on(event);
    if (event instanceof BenchEvent.RunStarted s) {
      startedNanos = nanos.getAsLong();
      total = s.builds();
    } else if (event instanceof BenchEvent.BuildStarted s) {
      current = s.variant() + " " + s.change() + " #" + s.repetition();
    } else if (event instanceof BenchEvent.BuildFinished f) {
      done = f.number();
      current = "";
    }
    if (startedNanos >= 0 && done < total) {
      draw();
    }
  }

  /** The bar's text, for tests. */
  synchronized String render() {
    double elapsed = (nanos.getAsLong() - startedNanos) / 1e9;
    int filled = total == 0 ? 0 : (int) Math.round(WIDTH * (double) done / total);
    String eta =
        done == 0 ? "estimating" : "~" + duration(elapsed / done * (total - done)) + " left";
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d %s | %s elapsed, %s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        done,
        total,
        current.isEmpty() ? "" : current,
        duration(elapsed),
        eta);
  }

  private void draw() {
    err.print("\r" + render());
    err.flush();
    drawn = true;
  }

  private void clear() {
    if (drawn) {
      err.print("\r\033[2K");
      drawn = false;
    }
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }
}
