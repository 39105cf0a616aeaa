package dev.layerlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextProblem;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextSummary;
import dev.layerlab.context.EntryType;
import dev.layerlab.context.IgnoreDecision;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.PathVerdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@code layerlab context}'s results as an aligned table or one JSON object. */
final class ContextView {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ContextSender sender;
  private final Path dockerfile;
  private final IgnoreRules rules;
  private final ContextSnapshot snapshot;

  ContextView(ContextSender sender, Path dockerfile, IgnoreRules rules, ContextSnapshot snapshot) {
    this.sender = sender;
    this.dockerfile = dockerfile;
    this.rules = rules;
    this.snapshot = snapshot;
  }

  void writeText(PrintWriter out, ContextSummary summary) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TYPE", "MODE", "SIZE", "PATH"});
    for (ContextEntry e : snapshot.entries()) {
      String size = e.type() == EntryType.FILE ? Long.toString(e.size()) : "-";
      String path = e.linkTarget() != null ? e.path() + " -> " + e.linkTarget() : e.path();
      rows.add(new String[] {typeName(e.type()), mode(e.mode()), size, path});
    }
    int[] width = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      out.printf(
          Locale.ROOT,
          "%-" + width[0] + "s  %-" + width[1] + "s  %" + width[2] + "s  %s%n",
          (Object[]) row);
    }

    out.println();
    out.printf(
        Locale.ROOT,
        "%d files, %s (%d bytes) sent to %s from %s%n",
        summary.files(),
        human(summary.bytes()),
        summary.bytes(),
        builderName(),
        snapshot.root());
    out.println(
        "ignore file: " + rules.source().map(Path::toString).orElse("none (nothing is ignored)"));
    if (!summary.largestDirectories().isEmpty()) {
      out.println("largest directories:");
      for (ContextSummary.DirectoryTotal d : summary.largestDirectories()) {
        out.printf(
            Locale.ROOT,
            "  %10s  %s/ (%d file%s)%n",
            human(d.bytes()),
            d.path(),
            d.files(),
            d.files() == 1 ? "" : "s");
      }
    }
    if (!snapshot.problems().isEmpty()) {
      out.println("problems:");
      for (ContextProblem p : snapshot.problems()) {
        out.println("  " + p.path() + ": " + p.message());
      }
    }
  }

  void writeJson(PrintWriter out, ContextSummary summary) {
    Map<String, Object> doc = header();
    doc.put("files", summary.files());
    doc.put("bytes", summary.bytes());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ContextEntry e : snapshot.entries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", e.path());
      m.put("type", typeName(e.type()));
      m.put("mode", mode(e.mode()));
      m.put("size", e.size());
      if (e.linkTarget() != null) {
        m.put("linkTarget", e.linkTarget());
      }
      entries.add(m);
    }
    doc.put("entries", entries);
    List<Map<String, Object>> dirs = new ArrayList<>();
    for (ContextSummary.DirectoryTotal d : summary.largestDirectories()) {
      dirs.add(Map.of("path", d.path(), "files", d.files(), "bytes", d.bytes()));
    }
    doc.put("largestDirectories", dirs);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (ContextProblem p : snapshot.problems()) {
      problems.add(Map.of("path", p.path(), "message", p.message()));
    }
    doc.put("problems", problems);
    print(out, doc);
  }

  void writeJson(PrintWriter out, PathVerdict verdict) {
    Map<String, Object> doc = header();
    doc.put("path", verdict.path());
    doc.put("exists", verdict.onDisk());
    doc.put("sent", verdict.sent());
    if (verdict.decision().isPresent()) {
      IgnoreDecision d = verdict.decision().get();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", ignoreFile());
      m.put("line", d.pattern().line());
      m.put("pattern", d.pattern().originalLine().strip());
      m.put("excludes", d.excluded());
      doc.put("decidedBy", m);
    } else {
      doc.put("decidedBy", null);
    }
    doc.put("unvisitedParent", verdict.unvisitedParent().orElse(null));
    doc.put("explanation", explanation(verdict));
    print(out, doc);
  }

  /** One line: whether the path is sent and which line of which file decided it. */
  String explanation(PathVerdict v) {
    StringBuilder line = new StringBuilder(v.path()).append(": ");
    if (v.decision().isEmpty()) {
      line.append("no pattern matched: ").append(v.sent() || !v.onDisk() ? "sent" : "not sent");
    } else {
      IgnoreDecision d = v.decision().get();
      line.append(d.excluded() ? "not sent: excluded by " : "re-included by ")
          .append(ignoreFile())
          .append(':')
          .append(d.pattern().line())
          .append(": ")
          .append(d.pattern().originalLine().strip());
      if (!d.excluded() && v.onDisk()) {
        line.append(v.sent() ? " (sent)" : " (but not sent)");
      }
    }
    if (v.unvisitedParent().isPresent()) {
      line.append("; ")
          .append(builderName())
          .append(" never looks inside the excluded directory ")
          .append(v.unvisitedParent().get())
          .append("/ for it: name the path in the exception literally, e.g. !")
          .append(v.path());
    } else if (v.onDisk()
        && !v.sent()
        && (v.decision().isEmpty() || !v.decision().get().excluded())) {
      line.append("; it cannot be read (see the problems listed without --explain)");
    }
    if (!v.onDisk()) {
      line.append(" (no such path in the context)");
    }
    return line.toString();
  }

  private Map<String, Object> header() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("context", snapshot.root().toString());
    doc.put("dockerfile", dockerfile.toString());
    doc.put("builder", sender.name().toLowerCase(Locale.ROOT));
    doc.put("ignoreFile", rules.source().map(Path::toString).orElse(null));
    return doc;
  }

  private String ignoreFile() {
    return rules.source().map(Path::toString).orElse(".dockerignore");
  }

  private String builderName() {
    return sender == ContextSender.BUILDKIT ? "BuildKit" : "the classic builder";
  }

  private static void print(PrintWriter out, Map<String, Object> doc) {
    try {
      out.println(JSON.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps always serialize", e);
    }
  }

  private static String typeName(EntryType type) {
    return switch (type) {
      case FILE -> "file";
      case DIRECTORY -> "dir";
      case SYMLINK -> "link";
      case OTHER -> "other";
    };
  }

  private static String mode(int mode) {
    return String.format(Locale.ROOT, "%04o", mode);
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
