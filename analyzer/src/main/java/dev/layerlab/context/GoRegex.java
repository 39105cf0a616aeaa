package dev.layerlab.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates the Go (RE2) regular expression Docker builds from a pattern into an equivalent Java
 * one. Docker hands the pattern's brackets and backslashes to Go's regexp package unchanged, so
 * {@code [[:alpha:]]}, {@code \d} or {@code \Q} in a {@code .dockerignore} mean what RE2 says, and
 * RE2 differs from java.util.regex in exactly those places (nested classes, {@code $}, POSIX
 * names). Every literal is emitted as {@code \x{...}} and every class as explicit ranges, so Java
 * never interprets anything on its own.
 */
final class GoRegex {

  private static final int MAX_RUNE = 0x10FFFF;
  private static final String WORD = "[0-9A-Za-z_]";

  private final int[] cps;
  private final StringBuilder out = new StringBuilder();
  private int pos;
  private boolean topLevelAlternative;

  private GoRegex(String regex) {
    this.cps = regex.codePoints().toArray();
  }

  /**
   * A compiled translation. When the expression starts with {@code ^} and has no top-level
   * alternative, {@code anchored} is true and {@code lookingAt()} gives Go's answer without trying
   * every start position; otherwise use {@code find()}, as Go's MatchString searches.
   */
  record Compiled(Pattern pattern, boolean anchored) {}

  /** Compiles a Go regular expression into its Java equivalent. */
  static Compiled compile(String goRegex) throws BadPatternException {
    GoRegex translator = new GoRegex(goRegex);
    boolean leadingAnchor = goRegex.startsWith("^");
    if (leadingAnchor) {
      translator.pos = 1;
    }
    translator.translate();
    boolean anchored = leadingAnchor && !translator.topLevelAlternative;
    String java = translator.out.toString();
    if (leadingAnchor && !anchored) {
      java = "(?:^)" + java;
    }
    try {
      return new Compiled(Pattern.compile(java), anchored);
    } catch (PatternSyntaxException e) {
      throw new BadPatternException("error parsing regexp: " + e.getDescription());
    }
  }

  private void translate() throws BadPatternException {
    int depth = 0;
    // What may precede a repetition operator: Go rejects "**" and a leading "*".
    boolean canRepeat = false;
    boolean justRepeated = false;
    while (pos < cps.length) {
      int c = cps[pos];
      if (c == '*' || c == '+' || c == '?' || (c == '{' && repeatEnd(pos) > 0)) {
        if (justRepeated) {
          throw new BadPatternException("error parsing regexp: invalid nested repetition operator");
        }
        if (!canRepeat) {
          throw new BadPatternException("error parsing regexp: missing argument to repetition");
        }
        int end = c == '{' ? repeatEnd(pos) : pos + 1;
        appendRaw(pos, end);
        pos = end;
        if (pos < cps.length && cps[pos] == '?') {
          out.append('?');
          pos++;
        }
        justRepeated = true;
        continue;
      }
      justRepeated = false;
      canRepeat = true;
      switch (c) {
        case '(' -> {
          if (pos + 1 < cps.length && cps[pos + 1] == '?') {
            throw new BadPatternException("error parsing regexp: unsupported group flags");
          }
          out.append("(?:");
          depth++;
          pos++;
          canRepeat = false;
        }
        case ')' -> {
          if (depth == 0) {
            throw new BadPatternException("error parsing regexp: unexpected )");
          }
          out.append(')');
          depth--;
          pos++;
        }
        case '|' -> {
          topLevelAlternative |= depth == 0;
          out.append('|');
          pos++;
          canRepeat = false;
        }
        case '.' -> {
          out.append("[^\\n]");
          pos++;
        }
        case '^' -> {
          out.append("(?:^)");
          pos++;
        }
        case '$' -> {
          // Go's $ without the m flag is end of text; Java's would also match before a final \n.
          out.append("(?:\\z)");
          pos++;
        }
        case '[' -> translateClass();
        case '\\' -> canRepeat = translateEscape();
        default -> {
          appendLiteral(c);
          pos++;
        }
      }
    }
    if (depth != 0) {
      throw new BadPatternException("error parsing regexp: missing closing )");
    }
  }

  /** End index of a valid {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code start}, else -1. */
  private int repeatEnd(int start) {
    int i = start + 1;
    int digits = 0;
    while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
      i++;
      digits++;
    }
    if (digits == 0 || i >= cps.length) {
      return -1;
    }
    if (cps[i] == ',') {
      i++;
      while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
        i++;
      }
    }
    return i < cps.length && cps[i] == '}' ? i + 1 : -1;
  }

  private void appendRaw(int from, int to) {
    for (int i = from; i < to; i++) {
      out.appendCodePoint(cps[i]);
    }
  }

  private void appendLiteral(int codePoint) {
    out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
  }

  /** Handles a backslash outside a class; returns whether a repetition may follow. */
  private boolean translateEscape() throws BadPatternException {
    if (pos + 1 < cps.length) {
      switch (cps[pos + 1]) {
        case 'A' -> {
          out.append("(?:\\A)");
          pos += 2;
          return true;
        }
        case 'z' -> {
          out.append("(?:\\z)");
          pos += 2;
          return true;
        }
        case 'b' -> {
          out.append("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
          pos += 2;
          return true;
        }
        case 'B' -> {
          out.append("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
          pos += 2;
          return true;
        }
        case 'Q' -> {
          translateQuoted();
          return true;
        }
        default -> {}
      }
    }
    GoCharClass set = new GoCharClass();
    if (readClassEscape(set)) {
      out.append(set.toJava());
      return true;
    }
    appendLiteral(readEscapedRune());
    return true;
  }

  /** {@code \Q...\E}: everything up to {@code \E} (or the end) is literal. */
  private void translateQuoted() {
    pos += 2;
    while (pos < cps.length) {
      if (cps[pos] == '\\' && pos + 1 < cps.length && cps[pos + 1] == 'E') {
        pos += 2;
        return;
      }
      appendLiteral(cps[pos]);
      pos++;
    }
  }

  /**
   * Reads {@code \d}-style Perl classes and {@code \p{...}} Unicode classes at {@code pos} into
   * {@code set}; returns false (consuming nothing) when the escape is not a class.
   */
  private boolean readClassEscape(GoCharClass set) throws BadPatternException {
    if (pos + 1 >= cps.length || cps[pos] != '\\') {
      return false;
    }
    int kind = cps[pos + 1];
    List<int[]> perl = perlClass(Character.toLowerCase(kind));
    if (perl != null && (kind == 'd' || kind == 's' || kind == 'w')) {
      set.addAll(perl);
      pos += 2;
      return true;
    }
    if (perl != null && (kind == 'D' || kind == 'S' || kind == 'W')) {
      set.addAll(GoCharClass.complement(perl));
      pos += 2;
      return true;
    }
    if (kind == 'p' || kind == 'P') {
      readUnicodeClass(set, kind == 'P');
      return true;
    }
    return false;
  }

  private void readUnicodeClass(GoCharClass set, boolean negated) throws BadPatternException {
    pos += 2;
    if (pos >= cps.length) {
      throw new BadPatternException("error parsing regexp: invalid character class range");
    }
    String name;
    if (cps[pos] == '{') {
      int close = pos + 1;
      while (close < cps.length && cps[close] != '}') {
        close++;
      }
      if (close >= cps.length) {
        throw new BadPatternException("error parsing regexp: invalid character class range");
      }
      name = new String(cps, pos + 1, close - pos - 1);
      pos = close + 1;
    } else {
      name = new String(cps, pos, 1);
      pos++;
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.substring(1);
    }
    if (name.equals("Any")) {
      set.addAll(negated ? List.of() : List.of(new int[] {0, MAX_RUNE}));
      return;
    }
    boolean category =
        name.length() <= 2 && !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    String property = (negated ? "\\P{" : "\\p{") + (category ? name : "sc=" + name) + "}";
    try {
      Pattern.compile(property);
    } catch (PatternSyntaxException e) {
      throw new BadPatternException("error parsing regexp: invalid character class range");
    }
    set.addProperty(property);
  }

  /** Go's parseEscape: one escaped character (octal, hex, C escape or punctuation). */
  private int readEscapedRune() throws BadPatternException {
    pos++;
    if (pos >= cps.length) {
      throw new BadPatternException(
          "error parsing regexp: trailing backslash at end of expression");
    }
    int c = cps[pos++];
    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
      return c;
    }
    switch (c) {
      case '1', '2', '3', '4', '5', '6', '7', '0' -> {
        if (c != '0' && !(pos < cps.length && isOctal(cps[pos]))) {
          break;
        }
        int value = c - '0';
        for (int i = 1; i < 3 && pos < cps.length && isOctal(cps[pos]); i++) {
          value = value * 8 + cps[pos++] - '0';
        }
        return value;
      }
      case 'x' -> {
        return readHexEscape();
      }
      case 'a' -> {
        return 7;
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'v' -> {
        return 0x0B;
      }
      default -> {}
    }
    throw new BadPatternException(
        "error parsing regexp: invalid escape sequence: `\\" + new String(cps, pos - 1, 1) + "`");
  }

  private int readHexEscape() throws BadPatternException {
    BadPatternException bad = new BadPatternException("error parsing regexp: invalid escape");
    if (pos >= cps.length) {
      throw bad;
    }
    if (cps[pos] == '{') {
      pos++;
      long value = 0;
      int digits = 0;
      while (pos < cps.length && Character.digit(cps[pos], 16) >= 0) {
        value = value * 16 + Character.digit(cps[pos++], 16);
        digits++;
        if (value > MAX_RUNE) {
          throw bad;
        }
      }
      if (digits == 0 || pos >= cps.length || cps[pos] != '}') {
        throw bad;
      }
      pos++;
      return (int) value;
    }
    if (pos + 1 >= cps.length
        || Character.digit(cps[pos], 16) < 0
        || Character.digit(cps[pos + 1], 16) < 0) {
      throw bad;
    }
    int value = Character.digit(cps[pos], 16) * 16 + Character.digit(cps[pos + 1], 16);
    pos += 2;
    return value;
  }

  private static boolean isOctal(int c) {
    return c >= '0' && c <= '7';
  }

  /** Go's parseClass, with Perl's liberal '-' and newline-matching negated classes. */
  private void translateClass() throws BadPatternException {
    pos++;
    boolean negated = false;
    if (pos < cps.length && cps[pos] == '^') {
      negated = true;
      pos++;
    }
    GoCharClass set = new GoCharClass();
    boolean first = true;
    while (pos >= cps.length || cps[pos] != ']' || first) {
      first = false;
      if (pos + 2 < cps.length && cps[pos] == '[' && cps[pos + 1] == ':' && readPosixClass(set)) {
        continue;
      }
      if (readClassEscape(set)) {
        continue;
      }
      int lo = readClassChar();
      int hi = lo;
      if (pos + 1 < cps.length && cps[pos] == '-' && cps[pos + 1] != ']') {
        pos++;
        hi = readClassChar();
        if (hi < lo) {
          throw new BadPatternException("error parsing regexp: invalid character class range");
        }
      }
      set.add(lo, hi);
    }
    pos++;
    if (negated) {
      set.negate();
    }
    out.append(set.toJava());
  }

  private int readClassChar() throws BadPatternException {
    if (pos >= cps.length) {
      throw new BadPatternException("error parsing regexp: missing closing ]");
    }
    if (cps[pos] == '\\') {
      return readEscapedRune();
    }
    return cps[pos++];
  }

  /**
   * Go looks for the closing {@code :]} anywhere in the rest of the expression, not just inside the
   * class; an unknown name between them is an error rather than literal text.
   */
  private boolean readPosixClass(GoCharClass set) throws BadPatternException {
    int close = -1;
    for (int i = pos + 2; i + 1 < cps.length; i++) {
      if (cps[i] == ':' && cps[i + 1] == ']') {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return false;
    }
    String name = new String(cps, pos + 2, close - pos - 2);
    boolean negated = name.startsWith("^");
    List<int[]> ranges = posixClass(negated ? name.substring(1) : name);
    if (ranges == null) {
      throw new BadPatternException("error parsing regexp: invalid character class range");
    }
    set.addAll(negated ? GoCharClass.complement(ranges) : ranges);
    pos = close + 2;
    return true;
  }

  private static List<int[]> perlClass(int kind) {
    return switch (kind) {
      case 'd' -> ranges('0', '9');
      case 's' -> ranges('\t', '\n', '\f', '\r', ' ', ' ');
      case 'w' -> ranges('0', '9', 'A', 'Z', '_', '_', 'a', 'z');
      default -> null;
    };
  }

  private static List<int[]> posixClass(String name) {
    return switch (name) {
      case "alnum" -> ranges('0', '9', 'A', 'Z', 'a', 'z');
      case "alpha" -> ranges('A', 'Z', 'a', 'z');
      case "ascii" -> ranges(0, 0x7F);
      case "blank" -> ranges('\t', '\t', ' ', ' ');
      case "cntrl" -> ranges(0, 0x1F, 0x7F, 0x7F);
      case "digit" -> ranges('0', '9');
      case "graph" -> ranges('!', '~');
      case "lower" -> ranges('a', 'z');
      case "print" -> ranges(' ', '~');
      case "punct" -> ranges('!', '/', ':', '@', '[', '`', '{', '~');
      case "space" -> ranges('\t', '\r', ' ', ' ');
      case "upper" -> ranges('A', 'Z');
      case "word" -> ranges('0', '9', 'A', 'Z', 'a', 'z', '_', '_');
      case "xdigit" -> ranges('0', '9', 'A', 'F', 'a', 'f');
      default -> null;
    };
  }

  private static List<int[]> ranges(int... bounds) {
    List<int[]> list = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      list.add(new int[] {bounds[i], bounds[i + 1]});
    }
    return list;
  }
}
