package dev.layerlab.advice;

import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.EntryType;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * LL002: the build context sends files the image never needs (version control, dependency and build
 * output directories, caches, the Dockerfile itself). Measured on the context snapshot, so it runs
 * only when a context directory was walked.
 */
final class ContextWasteRule implements Rule {

  static final String ID = "LL002";

  /**
   * One kind of path the image never needs.
   *
   * @param pattern the .dockerignore line that leaves it out
   * @param dir the directory name it is about, or null for a file pattern
   * @param matches whether a context path (relative, {@code /}-separated) belongs to it
   * @param onlyIf a condition on the whole snapshot (e.g. {@code build/} only in a Gradle or Node
   *     project, where it is output)
   */
  private record Waste(
      String pattern, String dir, Predicate<String> matches, Predicate<ContextSnapshot> onlyIf) {}

  private static final List<Waste> WASTE =
      List.of(
          top(".git"),
          top(".hg"),
          top(".svn"),
          anyDepth("node_modules"),
          new Waste(
              "target",
              "target",
              p -> under(p, "target"),
              s -> has(s, "pom.xml") || has(s, "Cargo.toml")),
          new Waste(
              "build",
              "build",
              p -> under(p, "build"),
              s -> has(s, "build.gradle") || has(s, "build.gradle.kts") || has(s, "package.json")),
          top(".gradle"),
          anyDepth("__pycache__"),
          new Waste(
              "**/*.pyc", null, p -> p.endsWith(".pyc") && !p.contains("__pycache__/"), s -> true),
          top(".venv"),
          new Waste("venv", "venv", p -> under(p, "venv"), s -> has(s, "venv/pyvenv.cfg")),
          top(".pytest_cache"),
          top(".mypy_cache"),
          top(".tox"),
          top(".idea"),
          new Waste(
              "**/.DS_Store",
              null,
              p -> p.equals(".DS_Store") || p.endsWith("/.DS_Store"),
              s -> true));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String title() {
    return "the build context sends files the image never needs";
  }

  @Override
  public String explanation() {
    return "Every build uploads the whole context (less what .dockerignore excludes) before the"
        + " first step runs, and `COPY . .` hashes all of it. Version control data, installed"
        + " dependencies, build output and caches make the upload slow, and because they change"
        + " on every commit, install or test run, they bust the COPY and every step after it"
        + " although the image does not need them. The Dockerfile itself is one of them: an edit"
        + " to it re-runs `COPY . .`.";
  }

  @Override
  public String fix() {
    return "List them in .dockerignore (layerlab prints a suggested file).";
  }

  @Override
  public String example() {
    return "# context: .git/ (120 MB), node_modules/ (300 MB), no .dockerignore\nCOPY . .";
  }

  @Override
  public List<Finding> check(RuleInput input) {
    return measure(input).map(List::of).orElse(List.of());
  }

  /** The .dockerignore lines that would leave out what the finding measured. */
  static Optional<String> suggestedIgnore(RuleInput input) {
    List<String> lines = new ArrayList<>(wasted(input).keySet());
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("\n", lines) + "\n");
  }

  private Optional<Finding> measure(RuleInput input) {
    Map<String, long[]> wasted = wasted(input);
    if (wasted.isEmpty()) {
      return Optional.empty();
    }
    long files = 0;
    long bytes = 0;
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, long[]> e : wasted.entrySet()) {
      files += e.getValue()[0];
      bytes += e.getValue()[1];
      parts.add(e.getKey() + " (" + count(e.getValue()[0]) + ", " + bytes(e.getValue()[1]) + ")");
    }
    Dockerfile df = input.dockerfile();
    Optional<Instruction> copy =
        df.stages().stream()
            .flatMap(s -> s.body().stream())
            .filter(DependencyOrderRule::copiesWholeContext)
            .findFirst();
    Instruction at = copy.orElse(df.stages().get(0).from());
    String message =
        "the context sends "
            + count(files)
            + " ("
            + bytes(bytes)
            + ") the image never needs: "
            + String.join(", ", parts)
            + "; every build uploads them"
            + (copy.isPresent()
                ? " and "
                    + DependencyOrderRule.firstWords(copy.get())
                    + " (line "
                    + copy.get().startLine()
                    + ") hashes them, so a change to any of them re-runs"
                    + " it and every later step"
                : "");
    String fix = "add to .dockerignore: " + String.join(", ", wasted.keySet());
    return Optional.of(
        new Finding(ID, severity(), df.sourceName(), at.startLine(), at.endLine(), message, fix));
  }

  /** Per .dockerignore line, the files and bytes it would save, in catalog order. */
  private static Map<String, long[]> wasted(RuleInput input) {
    Map<String, long[]> result = new LinkedHashMap<>();
    if (input.snapshot().isEmpty() || input.dockerfile().stages().isEmpty()) {
      return result;
    }
    ContextSnapshot snapshot = input.snapshot().get();
    List<String> copied = copiedSources(input.dockerfile());
    Optional<String> self = dockerfileInContext(input);
    for (ContextEntry entry : snapshot.entries()) {
      if (entry.type() != EntryType.FILE) {
        continue;
      }
      String path = entry.path();
      String pattern = null;
      if (self.isPresent() && self.get().equals(path)) {
        pattern = path;
      } else {
        for (Waste w : WASTE) {
          if (w.matches().test(path)) {
            boolean needed = namedByCopy(root(path, w.dir()), copied);
            pattern = w.onlyIf().test(snapshot) && !needed ? w.pattern() : null;
            break;
          }
        }
      }
      if (pattern != null) {
        long[] sum = result.computeIfAbsent(pattern, k -> new long[2]);
        sum[0]++;
        sum[1] += entry.size();
      }
    }
    // Catalog order, the Dockerfile last: the same context always gives the same text.
    Map<String, long[]> ordered = new LinkedHashMap<>();
    WASTE.forEach(
        w ->
            Optional.ofNullable(result.get(w.pattern()))
                .ifPresent(v -> ordered.put(w.pattern(), v)));
    result.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** The Dockerfile's path inside the context, when it lies there. */
  private static Optional<String> dockerfileInContext(RuleInput input) {
    if (input.contextDir().isEmpty()) {
      return Optional.empty();
    }
    Path ctx = input.contextDir().get().toAbsolutePath().normalize();
    Path file = Path.of(input.dockerfile().sourceName()).toAbsolutePath().normalize();
    if (!file.startsWith(ctx)) {
      return Optional.empty();
    }
    return Optional.of(ctx.relativize(file).toString().replace('\\', '/'));
  }

  /** Sources named by COPY/ADD from the context, without a leading {@code ./}. */
  private static List<String> copiedSources(Dockerfile df) {
    List<String> sources = new ArrayList<>();
    for (Instruction ins : df.instructions()) {
      if ((ins.keyword().equals("COPY") || ins.keyword().equals("ADD"))
          && ins.flag("from").isEmpty()
          && ins.args().size() >= 2) {
        for (String s : ins.args().subList(0, ins.args().size() - 1)) {
          String t = s.startsWith("./") ? s.substring(2) : s;
          sources.add(RunScript.trimSlash(t));
        }
      }
    }
    return sources;
  }

  /**
   * Whether a COPY names the wasted directory (or something inside it), so the image does need it:
   * {@code COPY target/app.jar .} needs {@code target/app.jar}.
   */
  private static boolean namedByCopy(String root, List<String> copied) {
    for (String s : copied) {
      if (root.equals(s) || s.startsWith(root + "/")) {
        return true;
      }
    }
    return false;
  }

  /** The wasted directory a path lies in ({@code a/node_modules} for a/node_modules/x/y). */
  private static String root(String path, String dir) {
    if (dir == null) {
      return path;
    }
    if (under(path, dir)) {
      return dir;
    }
    int i = path.indexOf("/" + dir + "/");
    return i < 0 ? path : path.substring(0, i + 1 + dir.length());
  }

  private static Waste top(String dir) {
    return new Waste(dir, dir, p -> under(p, dir), s -> true);
  }

  private static Waste anyDepth(String dir) {
    return new Waste(
        "**/" + dir, dir, p -> under(p, dir) || p.contains("/" + dir + "/"), s -> true);
  }

  private static boolean under(String path, String dir) {
    return path.equals(dir) || path.startsWith(dir + "/");
  }

  private static boolean has(ContextSnapshot s, String path) {
    return s.entry(path).isPresent();
  }

  private static String count(long files) {
    return files + (files == 1 ? " file" : " files");
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
