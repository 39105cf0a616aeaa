package dev.layerlab.scenario;

import dev.layerlab.advice.DependencySteps;
import dev.layerlab.cache.BuildInputs;
import dev.layerlab.cache.CacheModel;
import dev.layerlab.cache.CacheModel.ContextRead;
import dev.layerlab.cache.CacheSemantics;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.EntryType;
import dev.layerlab.context.IgnoreDecision;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Chooses, for a project that has no scenario file, the file each change pattern edits: from the
 * context as Docker would send it (ignored paths are never chosen) and from what the Dockerfile
 * copies, so that every chosen edit is one the build can see. The choice is deterministic: among
 * the candidates of a pattern, the ranking below decides, then the path's depth, then its name.
 */
public final class ProjectPatterns {

  /**
   * What a pattern edits, or why it is left out.
   *
   * @param pattern the change pattern
   * @param file the context path it edits; empty when the pattern is left out
   * @param why one sentence: why this file, or why none
   */
  public record Pick(ChangePattern pattern, Optional<String> file, String why) {}

  private static final String GIT = ".git";

  /** Directories of installed dependencies and build output: nobody edits them by hand. */
  private static final Set<String> GENERATED_DIRS =
      Set.of(
          "node_modules",
          "dist",
          "build",
          "target",
          "out",
          "__pycache__",
          ".venv",
          "venv",
          "vendor",
          "bin",
          "obj",
          "coverage");

  private static final Set<String> SOURCE_EXTENSIONS =
      Set.of(
          "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "java", "kt", "scala", "groovy", "go", "rs",
          "rb", "php", "cs", "fs", "c", "h", "cpp", "sh");

  private static final Set<String> CONFIG_EXTENSIONS =
      Set.of("yaml", "yml", "toml", "ini", "cfg", "conf", "properties");

  private static final Set<String> CONFIG_DIRS = Set.of("config", "conf", "configs", "settings");

  private static final Pattern DOC_NAME =
      Pattern.compile("(?i)(?:readme|changelog|contributing|license)(?:\\.\\w+)?");
  private static final Set<String> DOC_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc");
  private static final Set<String> DOC_DIRS = Set.of("docs", "doc");

  private final ContextSnapshot context;
  private final IgnoreRules rules;
  private final String dockerfilePath;
  private final List<ContextRead> reads;
  private final List<DependencySteps.Step> steps;

  private ProjectPatterns(
      ContextSnapshot context,
      IgnoreRules rules,
      Dockerfile dockerfile,
      String dockerfilePath,
      List<ContextRead> reads) {
    this.context = context;
    this.rules = rules;
    this.dockerfilePath = dockerfilePath;
    this.reads = reads;
    this.steps = DependencySteps.of(dockerfile);
  }

  /**
   * The picks for a build of {@code dockerfile} (a path relative to the context) over {@code
   * context}, in the order a bench runs them.
   */
  public static List<Pick> pick(
      ContextSnapshot context,
      IgnoreRules rules,
      Dockerfile dockerfile,
      String dockerfilePath,
      CacheSemantics semantics,
      java.util.Map<String, String> buildArgs) {
    List<ContextRead> reads =
        CacheModel.contextReads(
            semantics, BuildInputs.of(dockerfile, context).withBuildArgs(buildArgs));
    return new ProjectPatterns(context, rules, dockerfile, dockerfilePath, reads).all();
  }

  private List<Pick> all() {
    return List.of(source(), deps(), config(), docs(), git());
  }

  private Pick source() {
    Set<String> preferred =
        steps.isEmpty() ? Set.of() : steps.get(steps.size() - 1).sourceExtensions();
    List<String> candidates =
        copiedFiles(
            p ->
                SOURCE_EXTENSIONS.contains(extension(p))
                    && !DependencySteps.isManifest(p)
                    && !isConfig(p));
    candidates.sort(
        Comparator.comparing((String p) -> preferred.contains(extension(p)) ? 0 : 1)
            .thenComparing(ProjectPatterns::depth)
            .thenComparing(Comparator.naturalOrder()));
    if (candidates.isEmpty()) {
      return omitted(ChangePattern.EDIT_SOURCE, "no source file that the build copies");
    }
    String file = candidates.get(0);
    String language =
        preferred.contains(extension(file)) && !steps.isEmpty()
            ? " of the " + steps.get(steps.size() - 1).manager() + " project"
            : "";
    return chosen(
        ChangePattern.EDIT_SOURCE,
        file,
        "a source file"
            + language
            + " copied by "
            + copiedBy(file)
            + ranking(candidates, "language, then depth, then name"));
  }

  private Pick deps() {
    for (DependencySteps.Step step : steps) {
      List<String> candidates =
          copiedFiles(
              p ->
                  DependencySteps.isManifest(p)
                      && DependencySteps.reads(step, p)
                      && firstRead(p)
                          .filter(r -> r.stage() == step.stage() && r.line() < step.line())
                          .isPresent());
      candidates.sort(
          Comparator.comparing((String p) -> DependencySteps.namesPath(step, p) ? 0 : 1)
              .thenComparing(byDepthThenName()));
      if (!candidates.isEmpty()) {
        String file = candidates.get(0);
        return chosen(
            ChangePattern.EDIT_DEPS,
            file,
            "the dependency manifest that the "
                + step.manager()
                + " step (line "
                + step.line()
                + ") reads, copied by "
                + copiedBy(file)
                + ranking(candidates, "the path the step names, then depth, then name"));
      }
    }
    List<String> manifests = copiedFiles(DependencySteps::isManifest);
    manifests.sort(byDepthThenName());
    if (manifests.isEmpty()) {
      return omitted(ChangePattern.EDIT_DEPS, "no dependency manifest that the build copies");
    }
    String file = manifests.get(0);
    return chosen(
        ChangePattern.EDIT_DEPS,
        file,
        "a dependency manifest copied by "
            + copiedBy(file)
            + " (no install step that layerlab recognises reads one)"
            + ranking(manifests, "depth, then name"));
  }

  private Pick config() {
    List<String> candidates =
        copiedFiles(
            p -> isConfig(p) && !DependencySteps.isManifest(p) && !DependencySteps.isLockFile(p));
    candidates.sort(
        Comparator.comparing((String p) -> inConfigDir(p) ? 0 : 1)
            .thenComparing(ProjectPatterns::depth)
            .thenComparing(Comparator.naturalOrder()));
    if (candidates.isEmpty()) {
      return omitted(ChangePattern.EDIT_CONFIG, "no configuration file that the build copies");
    }
    String file = candidates.get(0);
    return chosen(
        ChangePattern.EDIT_CONFIG,
        file,
        "a configuration file copied by "
            + copiedBy(file)
            + ranking(candidates, "a config directory first, then depth, then name"));
  }

  private Pick docs() {
    Comparator<String> order =
        Comparator.comparing((String p) -> isReadme(p) ? 0 : 1)
            .thenComparing(ProjectPatterns::depth)
            .thenComparing(Comparator.naturalOrder());
    List<String> candidates = copiedFiles(ProjectPatterns::isDoc);
    candidates.sort(order);
    if (!candidates.isEmpty()) {
      String file = candidates.get(0);
      return chosen(
          ChangePattern.EDIT_DOCS,
          file,
          "documentation copied by "
              + copiedBy(file)
              + ranking(candidates, "a README first, then depth, then name"));
    }
    List<String> sent = new ArrayList<>();
    context.entries().stream()
        .filter(e -> e.type() == EntryType.FILE && isDoc(e.path()) && editable(e.path()))
        .forEach(e -> sent.add(e.path()));
    sent.sort(order);
    if (!sent.isEmpty()) {
      return omitted(
          ChangePattern.EDIT_DOCS,
          sent.get(0)
              + " is sent with the context but no step copies it, so an edit cannot rebuild"
              + " anything");
    }
    return omitted(ChangePattern.EDIT_DOCS, "no README or documentation file in the context");
  }

  private Pick git() {
    Path gitDir = context.root().resolve(GIT);
    if (!Files.isDirectory(gitDir)) {
      return omitted(ChangePattern.EDIT_GIT, "the project has no .git directory");
    }
    if (context.entry(GIT).isEmpty()) {
      String line =
          rules
              .explain(GIT)
              .map(IgnoreDecision::pattern)
              .map(
                  p ->
                      " (line "
                          + p.line()
                          + " of "
                          + rules.source().map(s -> s.getFileName().toString()).orElse("it")
                          + ", \""
                          + p.originalLine().strip()
                          + "\")")
              .orElse("");
      return omitted(
          ChangePattern.EDIT_GIT,
          ".dockerignore leaves .git out of the context" + line + ", so a commit cannot matter");
    }
    Optional<ContextRead> read =
        reads.stream()
            .filter(r -> r.paths().stream().anyMatch(p -> p.startsWith(GIT + "/")))
            .findFirst();
    if (read.isEmpty()) {
      return omitted(
          ChangePattern.EDIT_GIT,
          ".git is sent with the context but no step copies it, so a commit rebuilds nothing");
    }
    return chosen(
        ChangePattern.EDIT_GIT,
        GIT,
        ".git is in the context and copied by "
            + describe(read.get())
            + ": every commit or fetch changes what that step copies");
  }

  /** Regular files some step copies, not generated, not hidden, and editable, matching a test. */
  private List<String> copiedFiles(Predicate<String> test) {
    java.util.SortedSet<String> copied = new java.util.TreeSet<>();
    reads.forEach(r -> copied.addAll(r.paths()));
    List<String> out = new ArrayList<>();
    for (String p : copied) {
      boolean file = context.entry(p).filter(e -> e.type() == EntryType.FILE).isPresent();
      if (file
          && !p.equals(dockerfilePath)
          && !isGeneratedOrHidden(p)
          && test.test(p)
          && editable(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private boolean editable(String path) {
    try {
      return ChangeApplier.whyNotEditable(context.root(), path).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private Optional<ContextRead> firstRead(String path) {
    return reads.stream().filter(r -> r.paths().contains(path)).findFirst();
  }

  private String copiedBy(String path) {
    return firstRead(path).map(ProjectPatterns::describe).orElse("the build");
  }

  private static String describe(ContextRead read) {
    String text = read.instruction().strip();
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return text + " (line " + read.line() + ")";
  }

  private static String ranking(List<String> candidates, String order) {
    return candidates.size() == 1
        ? "; the only candidate"
        : "; first of " + candidates.size() + " candidates by " + order;
  }

  private static Pick chosen(ChangePattern pattern, String file, String why) {
    return new Pick(pattern, Optional.of(file), why);
  }

  private static Pick omitted(ChangePattern pattern, String why) {
    return new Pick(pattern, Optional.empty(), why);
  }

  private static Comparator<String> byDepthThenName() {
    return Comparator.comparing(ProjectPatterns::depth).thenComparing(Comparator.naturalOrder());
  }

  private static boolean isGeneratedOrHidden(String path) {
    for (String segment : path.split("/")) {
      if (segment.startsWith(".") || GENERATED_DIRS.contains(segment)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConfig(String path) {
    if (isDoc(path)) {
      return false;
    }
    String name = baseName(path).toLowerCase(Locale.ROOT);
    return CONFIG_EXTENSIONS.contains(extension(path))
        || inConfigDir(path)
        || name.startsWith("settings.")
        || name.startsWith("config.");
  }

  private static boolean inConfigDir(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (CONFIG_DIRS.contains(segments[i].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isReadme(String path) {
    return baseName(path).toLowerCase(Locale.ROOT).startsWith("readme");
  }

  private static boolean isDoc(String path) {
    if (DOC_NAME.matcher(baseName(path)).matches() || DOC_EXTENSIONS.contains(extension(path))) {
      return true;
    }
    String[] segments = path.split("/");
    return segments.length > 1 && DOC_DIRS.contains(segments[0].toLowerCase(Locale.ROOT));
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String extension(String path) {
    String name = baseName(path);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
