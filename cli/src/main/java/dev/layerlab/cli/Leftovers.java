package dev.layerlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The images a run made and could not remove because the daemon stopped answering, kept beside its
 * report as {@code leftover-images.txt} (one id a line) so that {@code --resume} can remove them:
 * the classic builder's step images carry no label, so nothing else would find them.
 */
final class Leftovers {
  static final String FILE = "leftover-images.txt";

  private Leftovers() {}

  static List<String> read(Path reportDir) {
    Path file = reportDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> l.matches("(sha256:)?[0-9a-f]{12,64}"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Adds {@code images} to the list beside the report; nothing is written for none. */
  static void add(Path reportDir, List<String> images) throws IOException {
    if (images.isEmpty()) {
      return;
    }
    Set<String> all = new LinkedHashSet<>(read(reportDir));
    all.addAll(images);
    Files.createDirectories(reportDir);
    Files.write(reportDir.resolve(FILE), new ArrayList<>(all), StandardCharsets.UTF_8);
  }

  static void clear(Path reportDir) throws IOException {
    Files.deleteIfExists(reportDir.resolve(FILE));
  }
}
