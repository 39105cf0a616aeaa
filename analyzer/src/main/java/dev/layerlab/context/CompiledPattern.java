package dev.layerlab.context;

/**
 * One cleaned pattern, compiled once the way Docker's pattern matcher compiles it: plain text is
 * compared directly, {@code dir/**} is a prefix test, {@code **}{@code /name} a suffix test, and
 * anything else a regular expression.
 */
final class CompiledPattern {

  private enum Kind {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEX
  }

  private final String cleaned;
  private final boolean exclusion;
  private final int segments;
  private final Kind kind;
  private final GoRegex.Compiled regex;
  private final String compileError;

  CompiledPattern(String cleaned, boolean exclusion) {
    this.cleaned = cleaned;
    this.exclusion = exclusion;
    this.segments = cleaned.split("/", -1).length;

    StringBuilder goRegex = new StringBuilder("^");
    Kind detected = translate(cleaned, goRegex);
    GoRegex.Compiled compiled = null;
    String error = null;
    if (detected == Kind.REGEX) {
      goRegex.append('$');
      try {
        compiled = GoRegex.compile(goRegex.toString());
      } catch (BadPatternException e) {
        // Docker compiles lazily and fails every match with ErrBadPattern; keep the reason.
        error = e.getMessage();
      }
    }
    this.kind = detected;
    this.regex = compiled;
    this.compileError = error;
  }

  /**
   * Builds the Go regular expression Docker would build, and decides the match kind. The quirks are
   * Docker's: only {@code .+()|{}$} are escaped, so brackets, {@code ^} and backslash escapes reach
   * the regexp engine as written.
   */
  private static Kind translate(String pattern, StringBuilder re) {
    int[] cps = pattern.codePoints().toArray();
    Kind kind = Kind.EXACT;
    int i = 0;
    for (int step = 0; i < cps.length; step++) {
      int c = cps[i++];
      if (c == '*') {
        if (i < cps.length && cps[i] == '*') {
          i++;
          if (i < cps.length && cps[i] == '/') {
            i++;
          }
          if (i >= cps.length) {
            if (kind == Kind.EXACT) {
              kind = Kind.PREFIX;
            } else {
              re.append(".*");
              kind = Kind.REGEX;
            }
          } else {
            re.append("(.*/)?");
            kind = Kind.REGEX;
          }
          if (step == 0) {
            kind = Kind.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          kind = Kind.REGEX;
        }
      } else if (c == '?') {
        re.append("[^/]");
        kind = Kind.REGEX;
      } else if (".+()|{}$".indexOf(c) >= 0) {
        re.append('\\').appendCodePoint(c);
      } else if (c == '\\') {
        if (i < cps.length) {
          re.append('\\').appendCodePoint(cps[i++]);
          kind = Kind.REGEX;
        } else {
          re.append('\\');
        }
      } else if (c == '[' || c == ']') {
        re.appendCodePoint(c);
        kind = Kind.REGEX;
      } else {
        re.appendCodePoint(c);
      }
    }
    return kind;
  }

  String cleaned() {
    return cleaned;
  }

  boolean exclusion() {
    return exclusion;
  }

  /** How many slash-separated segments the pattern has (the deprecated matcher uses it). */
  int segments() {
    return segments;
  }

  /** Why the pattern can never match, if Go's regexp engine would reject it; else null. */
  String compileError() {
    return compileError;
  }

  boolean matches(String path) throws BadPatternException {
    switch (kind) {
      case EXACT:
        return path.equals(cleaned);
      case PREFIX:
        return path.startsWith(cleaned.substring(0, cleaned.length() - 2));
      case SUFFIX:
        String suffix = cleaned.substring(2);
        if (path.endsWith(suffix)) {
          return true;
        }
        // "**/foo" also matches "foo" itself.
        return suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
      default:
        if (regex == null) {
          throw new BadPatternException("syntax error in pattern");
        }
        java.util.regex.Matcher m = regex.pattern().matcher(path);
        return regex.anchored() ? m.lookingAt() : m.find();
    }
  }

  @Override
  public String toString() {
    return (exclusion ? "!" : "") + cleaned;
  }
}
