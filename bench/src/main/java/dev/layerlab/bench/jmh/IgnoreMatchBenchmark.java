package dev.layerlab.bench.jmh;

import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ignore decisions per second: one path of a generated 100,000-path tree against 30 patterns per
 * operation, going through the tree in walk order as a snapshot does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Thread)
public class IgnoreMatchBenchmark {

  private IgnoreRules rules;
  private List<String> paths;
  private int next;

  @Setup
  public void build() throws IgnoreFileException {
    rules = IgnoreRules.parse(TreeGenerator.THIRTY_PATTERNS, ".dockerignore");
    paths = TreeGenerator.paths(100_000, 7L);
    long excluded = paths.stream().filter(rules::excludes).count();
    System.out.printf(
        "tree: %d paths, %d patterns, %d excluded%n",
        paths.size(), rules.patterns().size(), excluded);
  }

  @Benchmark
  public boolean decideOne() {
    String path = paths.get(next);
    next = next + 1 == paths.size() ? 0 : next + 1;
    return rules.excludes(path);
  }
}
