package dev.layerlab.bench.jmh;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Dockerfiles parsed per second on one thread, cycling through a corpus of at least 200. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@State(Scope.Thread)
public class ParseBenchmark {

  /** Where BuildKit's parser cases are; a missing folder only shrinks the corpus. */
  @Param("../shared/peer")
  public String peerDir;

  @Param("scenarios")
  public String scenariosDir;

  private List<String> corpus;
  private int next;

  @Setup
  public void load() throws IOException {
    corpus = DockerfileCorpus.load(Path.of(peerDir), Path.of(scenariosDir), 200);
    long bytes = corpus.stream().mapToLong(String::length).sum();
    System.out.printf("corpus: %d Dockerfiles, %d characters%n", corpus.size(), bytes);
  }

  /** One Dockerfile; a file BuildKit rejects costs its error, as it would in real use. */
  @Benchmark
  public Object parseOne() {
    String text = corpus.get(next);
    next = next + 1 == corpus.size() ? 0 : next + 1;
    try {
      Dockerfile parsed = DockerfileParser.parse(text, "Dockerfile");
      return parsed;
    } catch (DockerfileException e) {
      return e;
    }
  }
}
