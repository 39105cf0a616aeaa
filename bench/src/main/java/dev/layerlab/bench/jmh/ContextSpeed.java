package dev.layerlab.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Puts layerlab's snapshot speed beside the tools a user would compare it with, over one generated
 * context: the JMH snapshot benchmark (cold and warm), {@code sha256sum} over the same files, and a
 * classic {@code docker build} of {@code FROM scratch} plus {@code COPY . /}. Prints medians, then
 * deletes the context.
 *
 * <p>Arguments: {@code [--files N] [--bytes N] [--reps N] [--dir PATH] [--keep] [--no-docker |
 * --docker-only]}.
 */
public final class ContextSpeed {

  private ContextSpeed() {}

  public static void main(String[] args) throws Exception {
    int files = 100_000;
    long bytes = 2L << 30;
    int reps = 3;
    Path dir = Path.of("/tmp/layerlab-bench-context");
    boolean keep = false;
    boolean docker = true;
    boolean dockerOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--bytes" -> bytes = Long.parseLong(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--keep" -> keep = true;
        case "--no-docker" -> docker = false;
        case "--docker-only" -> dockerOnly = true;
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    try {
      long start = System.nanoTime();
      ContextFixture.ensure(dir, files, bytes);
      long actual = sizeOf(dir);
      say("context %s: %d files, %d bytes (ready in %.1f s)", dir, files, actual, since(start));

      if (!dockerOnly) {
        double[] snapshot = jmh(dir, files, bytes);
        say("layerlab snapshot cold: %.0f ms (%.0f MB/s)", snapshot[0], mbps(actual, snapshot[0]));
        say("layerlab snapshot warm: %.0f ms (no content read)", snapshot[1]);

        List<String> sha256sum = List.of("bash", "-c", shaCommand(dir));
        double sha = median(reps, () -> timed(sha256sum));
        say("sha256sum (one process at a time): %.0f ms (%.0f MB/s)", sha, mbps(actual, sha));
      }

      if (docker) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path dockerfile = Files.createTempFile("layerlab-bench", ".Dockerfile");
        Files.writeString(dockerfile, "FROM scratch\nCOPY . /\n");
        try {
          Path context = dir;
          double build = median(reps, () -> dockerBuild(context, dockerfile, id));
          say(
              "docker build (classic, --no-cache): %.0f ms (%.0f MB/s)",
              build, mbps(actual, build));
        } finally {
          Files.deleteIfExists(dockerfile);
        }
      }
    } finally {
      if (!keep) {
        ContextFixture.delete(dir);
        say("deleted %s", dir);
      }
    }
  }

  /** Cold and warm medians in milliseconds, from JMH's single-shot samples. */
  private static double[] jmh(Path dir, int files, long bytes) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(SnapshotBenchmark.class.getName())
            .param("contextDir", dir.toString())
            .param("files", Integer.toString(files))
            .param("bytes", Long.toString(bytes))
            .build();
    Collection<RunResult> results = new Runner(options).run();
    double cold = Double.NaN;
    double warm = Double.NaN;
    for (RunResult r : results) {
      List<Double> samples = new ArrayList<>();
      r.getBenchmarkResults()
          .forEach(
              b ->
                  b.getIterationResults()
                      .forEach(i -> samples.add(i.getPrimaryResult().getScore())));
      double median = medianOf(samples);
      if (r.getParams().getBenchmark().endsWith(".cold")) {
        cold = median;
      } else {
        warm = median;
      }
    }
    return new double[] {cold, warm};
  }

  private static String shaCommand(Path dir) {
    return "find '" + dir + "' -type f -print0 | xargs -0 sha256sum > /dev/null";
  }

  /** Times the build alone; removing the image afterwards is not part of it. */
  private static double dockerBuild(Path context, Path dockerfile, String id) throws Exception {
    String tag = "layerlab-bench-speed:" + id;
    ProcessBuilder build =
        new ProcessBuilder(
            "docker",
            "build",
            "-q",
            "--no-cache",
            "--network",
            "none",
            "--label",
            "dev.layerlab.bench=" + id,
            "-f",
            dockerfile.toString(),
            "-t",
            tag,
            context.toString());
    build.environment().put("DOCKER_BUILDKIT", "0");
    try {
      long start = System.nanoTime();
      runOrFail(build);
      return (System.nanoTime() - start) / 1e6;
    } finally {
      runOrFail(new ProcessBuilder("docker", "rmi", tag));
    }
  }

  /** One timed repetition, returning its own milliseconds. */
  private interface Step {
    double millis() throws Exception;
  }

  private static double median(int reps, Step step) throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      millis.add(step.millis());
    }
    say("  samples (ms): %s", millis);
    return medianOf(millis);
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double timed(List<String> command) throws Exception {
    long start = System.nanoTime();
    runOrFail(new ProcessBuilder(command));
    return (System.nanoTime() - start) / 1e6;
  }

  private static void runOrFail(ProcessBuilder builder) throws Exception {
    Process p = builder.redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", builder.command()) + " failed: " + output);
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double mbps(long bytes, double millis) {
    return bytes / 1e6 / (millis / 1e3);
  }

  private static void say(String format, Object... args) {
    System.out.println("[context-speed] " + String.format(Locale.ROOT, format, args));
  }
}
