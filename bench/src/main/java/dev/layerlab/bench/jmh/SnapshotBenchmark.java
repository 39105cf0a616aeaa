package dev.layerlab.bench.jmh;

import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A snapshot of a large generated context: cold (every file read and hashed) and warm (nothing
 * changed, the saved {@link SnapshotCache} loaded: no file may be read). The context is made on
 * first use and kept for the next run; {@link ContextSpeed} deletes it when done.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class SnapshotBenchmark {

  @Param("/tmp/layerlab-bench-context")
  public String contextDir;

  @Param("100000")
  public int files;

  @Param("2147483648")
  public long bytes;

  private Path dir;
  private Path cacheFile;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    dir = Path.of(contextDir);
    ContextFixture.ensure(dir, files, bytes);
    cacheFile = Files.createTempFile("layerlab-bench-cache", ".idx");
    SnapshotCache cache = SnapshotCache.empty();
    new ContextWalker(IgnoreRules.none(), cache).snapshot(dir);
    cache.save(cacheFile);
  }

  @TearDown(Level.Trial)
  public void removeCache() throws IOException {
    Files.deleteIfExists(cacheFile);
  }

  @Benchmark
  public ContextSnapshot cold() throws IOException {
    SnapshotCache none = SnapshotCache.none();
    ContextSnapshot snapshot = new ContextWalker(IgnoreRules.none(), none).snapshot(dir);
    if (none.contentReads() != files) {
      throw new IllegalStateException("cold snapshot read " + none.contentReads() + " files");
    }
    return snapshot;
  }

  @Benchmark
  @Measurement(iterations = 5)
  public ContextSnapshot warm() throws IOException {
    SnapshotCache cache = SnapshotCache.load(cacheFile);
    ContextSnapshot snapshot = new ContextWalker(IgnoreRules.none(), cache).snapshot(dir);
    if (cache.contentReads() != 0) {
      throw new IllegalStateException(
          "warm snapshot read " + cache.contentReads() + " files; it must read none");
    }
    return snapshot;
  }
}
