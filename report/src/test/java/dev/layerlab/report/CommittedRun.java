package dev.layerlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample run committed under {@code reports/python-app}, whatever its run id. */
final class CommittedRun {

  private CommittedRun() {}

  static Path resultsJson() {
    Path runs = Path.of(System.getProperty("layerlab.project.dir", ".."), "reports", "python-app");
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.map(d -> d.resolve("results.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .reduce((first, second) -> second)
          .orElseThrow(() -> new AssertionError("no committed run with results.json in " + runs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
