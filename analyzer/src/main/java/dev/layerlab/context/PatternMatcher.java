package dev.layerlab.context;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of compiled patterns with each of the matching entry points Docker has used. Real
 * builds walk the tree with {@link #matchesUsingParentResults}; the other methods exist because
 * Docker's own test tables (and older clients) are defined in their terms.
 */
final class PatternMatcher {

  /**
   * The result for one path: whether it is excluded, which patterns matched it (handed to its
   * children), and the index of the last pattern that changed the answer, or -1.
   */
  record Match(boolean excluded, boolean[] matchedPatterns, int decidingPattern) {}

  private final List<CompiledPattern> patterns;
  private final boolean hasExceptions;

  private PatternMatcher(List<CompiledPattern> patterns) {
    this.patterns = List.copyOf(patterns);
    this.hasExceptions = patterns.stream().anyMatch(CompiledPattern::exclusion);
  }

  /**
   * Docker's {@code New}: trims and cleans each pattern, drops empty ones, and rejects a bare
   * {@code !} and anything Go's {@code filepath.Match} finds malformed. Patterns that Go's regexp
   * engine rejects are accepted here and fail at match time, as in Docker.
   */
  static PatternMatcher compile(List<String> rawPatterns) throws BadPatternException {
    List<CompiledPattern> compiled = new ArrayList<>();
    for (String raw : rawPatterns) {
      CompiledPattern pattern = compilePattern(raw);
      if (pattern != null) {
        compiled.add(pattern);
      }
    }
    return new PatternMatcher(compiled);
  }

  static PatternMatcher of(List<CompiledPattern> patterns) {
    return new PatternMatcher(patterns);
  }

  /** One pattern through {@code New}'s steps; null when it is empty and therefore dropped. */
  static CompiledPattern compilePattern(String raw) throws BadPatternException {
    String p = GoPaths.trimSpace(raw);
    if (p.isEmpty()) {
      return null;
    }
    p = GoPaths.clean(p);
    boolean exclusion = false;
    if (p.charAt(0) == '!') {
      if (p.length() == 1) {
        throw new BadPatternException("illegal exclusion pattern: \"!\"");
      }
      exclusion = true;
      p = p.substring(1);
    }
    if (GlobSyntax.isMalformed(p)) {
      throw new BadPatternException("syntax error in pattern");
    }
    return new CompiledPattern(p, exclusion);
  }

  List<CompiledPattern> patterns() {
    return patterns;
  }

  boolean hasExceptions() {
    return hasExceptions;
  }

  /**
   * The deprecated package-level {@code Matches(file, patterns)}: the path is cleaned, {@code .}
   * never matches, and a parent is only checked at the pattern's own depth.
   */
  boolean matchesDeprecated(String file) throws BadPatternException {
    file = GoPaths.clean(file);
    if (file.equals(".")) {
      return false;
    }
    String parent = GoPaths.dir(file);
    String[] parentDirs = parent.split("/", -1);
    boolean matched = false;
    for (CompiledPattern pattern : patterns) {
      if (pattern.exclusion() != matched) {
        continue;
      }
      boolean match = pattern.matches(file);
      if (!match && !parent.equals(".") && pattern.segments() <= parentDirs.length) {
        match = quietly(pattern, joinFirst(parentDirs, pattern.segments()));
      }
      if (match) {
        matched = !pattern.exclusion();
      }
    }
    return matched;
  }

  /**
   * Docker's {@code MatchesOrParentMatches}: the path or any ancestor directory matching counts.
   */
  boolean matchesOrParentMatches(String file) throws BadPatternException {
    return evaluate(file, null).excluded();
  }

  /** The deprecated single-boolean incremental form, kept for Docker's test table. */
  boolean matchesUsingParentResult(String file, boolean parentMatched) throws BadPatternException {
    boolean matched = parentMatched;
    for (CompiledPattern pattern : patterns) {
      if (pattern.exclusion() != matched) {
        continue;
      }
      if (pattern.matches(file)) {
        matched = !pattern.exclusion();
      }
    }
    return matched;
  }

  /**
   * Docker's {@code MatchesUsingParentResults}: what real builds call for each path during the
   * walk, with the parent directory's per-pattern results (or null for no parent information, in
   * which case ancestors are checked like {@link #matchesOrParentMatches}).
   */
  Match matchesUsingParentResults(String file, boolean[] parentMatched) throws BadPatternException {
    return evaluate(file, parentMatched);
  }

  private Match evaluate(String file, boolean[] parentMatched) throws BadPatternException {
    boolean haveParents = parentMatched != null && parentMatched.length != 0;
    if (haveParents && parentMatched.length != patterns.size()) {
      throw new IllegalArgumentException("wrong number of values in parentMatched");
    }
    String[] parentDirs = null;
    boolean matched = false;
    int deciding = -1;
    boolean[] info = new boolean[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      CompiledPattern pattern = patterns.get(i);
      boolean match = haveParents && parentMatched[i];
      if (!match) {
        if (pattern.exclusion() != matched) {
          continue;
        }
        match = pattern.matches(file);
        if (!match && !haveParents) {
          if (parentDirs == null) {
            String parent = GoPaths.dir(file);
            parentDirs = parent.equals(".") ? new String[0] : parent.split("/", -1);
          }
          for (int n = 1; n <= parentDirs.length && !match; n++) {
            match = quietly(pattern, joinFirst(parentDirs, n));
          }
        }
      }
      info[i] = match;
      if (match) {
        deciding = i;
        matched = !pattern.exclusion();
      }
    }
    return new Match(matched, info, deciding);
  }

  /** Docker ignores errors from the parent-directory checks; only the path's own check fails. */
  private static boolean quietly(CompiledPattern pattern, String path) {
    try {
      return pattern.matches(path);
    } catch (BadPatternException e) {
      return false;
    }
  }

  private static String joinFirst(String[] parts, int count) {
    return String.join("/", java.util.Arrays.asList(parts).subList(0, count));
  }
}
