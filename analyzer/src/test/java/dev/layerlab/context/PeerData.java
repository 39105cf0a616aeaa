package dev.layerlab.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Locates and reads Docker's reference tables that the tests must agree with. */
final class PeerData {

  private PeerData() {}

  /** The peer directory; a missing one fails loudly, since skipping would hide a regression. */
  static Path dir() {
    String configured = System.getProperty("layerlab.peer.dir");
    Path dir;
    if (configured != null && !configured.isBlank()) {
      dir = Paths.get(configured);
    } else {
      dir = projectRoot().resolve("../shared/peer");
    }
    dir = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "Docker reference data not found at "
              + dir
              + "; set -Dlayerlab.peer.dir or place it at ../shared/peer beside the project");
    }
    return dir;
  }

  private static Path projectRoot() {
    String configured = System.getProperty("layerlab.project.dir");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    Path here = Paths.get("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw"))) {
        return p;
      }
    }
    return here;
  }

  /** Rows of a tab-separated file without its header; fields are raw, with no quoting. */
  static List<String[]> tsvRows(String name) throws IOException {
    List<String> lines = Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    String[] header = lines.get(0).split("\t", -1);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = Arrays.copyOf(line.split("\t", -1), header.length);
      for (int i = 0; i < fields.length; i++) {
        fields[i] = fields[i] == null ? "" : fields[i];
      }
      rows.add(fields);
    }
    return rows;
  }

  /** Reads a JSON array of strings, the only JSON the tables contain. */
  static List<String> jsonStrings(String json) {
    List<String> out = new ArrayList<>();
    int i = skipSpace(json, 0);
    expect(json, i, '[');
    i = skipSpace(json, i + 1);
    if (json.charAt(i) == ']') {
      return out;
    }
    while (true) {
      expect(json, i, '"');
      StringBuilder sb = new StringBuilder();
      i++;
      while (json.charAt(i) != '"') {
        char c = json.charAt(i++);
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = json.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
            i += 4;
          }
          default -> sb.append(e);
        }
      }
      out.add(sb.toString());
      i = skipSpace(json, i + 1);
      if (json.charAt(i) == ']') {
        return out;
      }
      expect(json, i, ',');
      i = skipSpace(json, i + 1);
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void expect(String s, int i, char c) {
    if (i >= s.length() || s.charAt(i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
    }
  }
}
