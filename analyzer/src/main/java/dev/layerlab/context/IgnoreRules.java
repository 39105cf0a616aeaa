package dev.layerlab.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed {@code .dockerignore} of a build, answering which context paths Docker leaves out.
 *
 * <p>Matching follows the walk real builds do: each directory's per-pattern results are handed to
 * its children ({@code MatchesUsingParentResults}), patterns apply in file order, the last match
 * wins, and a path is out when it or a parent directory is excluded and no later exception brings
 * it back. For one odd ordering ({@code x/y} then {@code !x}) this differs from checking every
 * ancestor afresh ({@code MatchesOrParentMatches}): the walk keeps {@code x/y} out, and so does
 * this class, because that is what reaches the builder.
 *
 * <p>The Dockerfile and the ignore file get no special treatment. BuildKit sends the Dockerfile
 * separately, and the classic CLI does force both into the upload even when excluded, but the
 * daemon deletes them again before any step can copy them; so for {@code COPY} an excluded
 * Dockerfile is absent under either builder.
 */
public final class IgnoreRules {

  private static final int MEMO_LIMIT = 50_000;

  private static final IgnoreRules NONE = new IgnoreRules(null, List.of(), List.of());

  private final Path source;
  private final List<IgnorePattern> patterns;
  private final PatternMatcher matcher;
  private final boolean onlyLiteralExceptions;
  private final Map<String, boolean[]> directoryMemo = new ConcurrentHashMap<>();

  private IgnoreRules(Path source, List<IgnorePattern> patterns, List<CompiledPattern> compiled) {
    this.source = source;
    this.patterns = List.copyOf(patterns);
    this.matcher = PatternMatcher.of(compiled);
    this.onlyLiteralExceptions =
        compiled.stream()
            .filter(CompiledPattern::exclusion)
            .noneMatch(p -> containsAny(withoutTrailingGlob(p.cleaned()), "*[]?^\\"));
  }

  /** Rules that exclude nothing, as when a context has no ignore file. */
  public static IgnoreRules none() {
    return NONE;
  }

  /**
   * Parses ignore-file text. Every pattern is checked now, including those Docker only rejects when
   * it first matches a path (which every build does), so a bad line fails here with its number
   * instead of failing the build later.
   */
  public static IgnoreRules parse(String text, String sourceName) throws IgnoreFileException {
    return parse(text, sourceName, null);
  }

  private static IgnoreRules parse(String text, String sourceName, Path source)
      throws IgnoreFileException {
    Objects.requireNonNull(text, "text");
    List<IgnorePattern> patterns = new ArrayList<>();
    List<CompiledPattern> compiled = new ArrayList<>();
    for (IgnoreFileReader.Line line : IgnoreFileReader.readAll(text, sourceName)) {
      CompiledPattern pattern;
      try {
        pattern = PatternMatcher.compilePattern(line.pattern());
      } catch (BadPatternException e) {
        throw new IgnoreFileException(sourceName, line.number(), describe(line, e));
      }
      if (pattern == null) {
        continue;
      }
      if (pattern.compileError() != null) {
        throw new IgnoreFileException(
            sourceName,
            line.number(),
            "pattern \""
                + line.original().strip()
                + "\" is not valid for Docker's matcher ("
                + pattern.compileError()
                + "); every build with this file fails");
      }
      patterns.add(
          new IgnorePattern(
              pattern.cleaned(), pattern.exclusion(), line.number(), line.original()));
      compiled.add(pattern);
    }
    return new IgnoreRules(source, patterns, compiled);
  }

  private static String describe(IgnoreFileReader.Line line, BadPatternException e) {
    if (e.getMessage().startsWith("illegal exclusion")) {
      return "a lone \"!\" is not a pattern (Docker: illegal exclusion pattern); remove the line"
          + " or name what to re-include after the \"!\"";
    }
    return "pattern \""
        + line.original().strip()
        + "\" is malformed ("
        + e.getMessage()
        + "); check its [...] classes and backslashes, or escape a literal [ as \\[";
  }

  /** Reads the ignore file BuildKit would use for this build; see {@link ContextSender}. */
  public static IgnoreRules forBuild(Path contextDir, Path dockerfile)
      throws IgnoreFileException, IOException {
    return forBuild(contextDir, dockerfile, ContextSender.BUILDKIT);
  }

  /**
   * Reads the ignore file the given client would use. BuildKit prefers {@code <Dockerfile
   * name>.dockerignore} in the Dockerfile's directory over {@code <context>/.dockerignore}; the
   * classic CLI reads only the latter. No file: nothing is ignored.
   */
  public static IgnoreRules forBuild(Path contextDir, Path dockerfile, ContextSender sender)
      throws IgnoreFileException, IOException {
    Path file = dockerfile == null ? contextDir.resolve("Dockerfile") : dockerfile;
    if (sender == ContextSender.BUILDKIT && file.getFileName() != null) {
      Path beside = file.resolveSibling(file.getFileName() + ".dockerignore");
      if (Files.isRegularFile(beside)) {
        return load(beside);
      }
    }
    Path inContext = contextDir.resolve(".dockerignore");
    if (Files.isRegularFile(inContext)) {
      return load(inContext);
    }
    return none();
  }

  private static IgnoreRules load(Path file) throws IOException, IgnoreFileException {
    // Go reads bytes; invalid UTF-8 becomes U+FFFD here instead of failing the read.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return parse(text, file.toString(), file);
  }

  /** Whether Docker leaves this path (slash-separated, relative to the context) out. */
  public boolean excludes(String relativePath) {
    return evaluate(relativePath).excluded();
  }

  /** The line that decided about this path, or empty when no pattern matched it or a parent. */
  public Optional<IgnoreDecision> explain(String relativePath) {
    PatternMatcher.Match match = evaluate(relativePath);
    if (match.decidingPattern() < 0) {
      return Optional.empty();
    }
    return Optional.of(new IgnoreDecision(patterns.get(match.decidingPattern()), match.excluded()));
  }

  /** The file these rules came from; empty for parsed text and for {@link #none()}. */
  public Optional<Path> source() {
    return Optional.ofNullable(source);
  }

  public List<IgnorePattern> patterns() {
    return patterns;
  }

  /** Whether any line re-includes ({@code !}) something. */
  public boolean hasExceptions() {
    return matcher.hasExceptions();
  }

  private PatternMatcher.Match evaluate(String relativePath) {
    String path = normalize(relativePath);
    if (path.equals(".") || patterns.isEmpty()) {
      return new PatternMatcher.Match(false, new boolean[0], -1);
    }
    int slash = path.lastIndexOf('/');
    return match(path, slash < 0 ? null : directoryInfo(path.substring(0, slash)));
  }

  /**
   * A directory's per-pattern results, as the walk would have computed them top-down. Siblings
   * share their parents, so the results are remembered (a bounded memo, safe to share).
   */
  private boolean[] directoryInfo(String dir) {
    boolean[] known = directoryMemo.get(dir);
    if (known != null) {
      return known;
    }
    int slash = dir.lastIndexOf('/');
    boolean[] parentInfo = slash < 0 ? null : directoryInfo(dir.substring(0, slash));
    boolean[] info = match(dir, parentInfo).matchedPatterns();
    if (directoryMemo.size() >= MEMO_LIMIT) {
      directoryMemo.clear();
    }
    directoryMemo.put(dir, info);
    return info;
  }

  /** One step of the walk: a path given its parent directory's results (null at the top). */
  PatternMatcher.Match match(String path, boolean[] parentInfo) {
    try {
      return matcher.matchesUsingParentResults(path, parentInfo);
    } catch (BadPatternException e) {
      throw new IllegalStateException("patterns were validated when parsed", e);
    }
  }

  /**
   * Whether the walk must enter an excluded directory because an exception might re-include
   * something inside it. Both clients skip the directory when there is no exception at all; they
   * differ on wildcard exceptions (see {@link ContextSender}).
   */
  boolean mustEnterExcludedDirectory(String dirPath, ContextSender sender) {
    if (!matcher.hasExceptions()) {
      return false;
    }
    if (sender == ContextSender.BUILDKIT && !onlyLiteralExceptions) {
      return true;
    }
    String dirSlash = dirPath + "/";
    for (CompiledPattern pattern : matcher.patterns()) {
      if (!pattern.exclusion()) {
        continue;
      }
      String text =
          sender == ContextSender.BUILDKIT
              ? withoutTrailingGlob(pattern.cleaned())
              : pattern.cleaned();
      if ((text + "/").startsWith(dirSlash)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String relativePath) {
    // Backslashes stay: on Linux they are ordinary file-name characters.
    String path = GoPaths.clean(relativePath);
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    return path.isEmpty() ? "." : path;
  }

  private static String withoutTrailingGlob(String pattern) {
    String trimmed = pattern;
    if (trimmed.endsWith("/**")) {
      trimmed = trimmed.substring(0, trimmed.length() - 3);
    }
    if (trimmed.endsWith("/*")) {
      trimmed = trimmed.substring(0, trimmed.length() - 2);
    }
    return trimmed;
  }

  private static boolean containsAny(String text, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (text.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "IgnoreRules["
        + source().map(Path::toString).orElse("inline")
        + ", "
        + patterns.size()
        + " patterns]";
  }
}
