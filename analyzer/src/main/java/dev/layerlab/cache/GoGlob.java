package dev.layerlab.cache;

/**
 * Go's {@code filepath.Match} on Unix, which both builders use for COPY/ADD source wildcards:
 * {@code *} and {@code ?} never match {@code /}, {@code [...]} classes with {@code ^} negation and
 * ranges, and {@code \} escapes.
 */
final class GoGlob {

  private GoGlob() {}

  static boolean hasMeta(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /** Whether the whole name matches; a malformed pattern matches nothing. */
  static boolean matches(String pattern, String name) {
    return match(pattern, 0, name, 0);
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (match(p, pi + 1, s, k)) {
            return true;
          }
          if (k < s.length() && s.charAt(k) == '/') {
            return false;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      char ch = s.charAt(si);
      if (c == '?') {
        if (ch == '/') {
          return false;
        }
        pi++;
      } else if (c == '[') {
        int end = classEnd(p, pi);
        if (end < 0 || ch == '/' || !inClass(p, pi + 1, end, ch)) {
          return false;
        }
        pi = end + 1;
      } else {
        if (c == '\\') {
          pi++;
          if (pi >= p.length()) {
            return false;
          }
          c = p.charAt(pi);
        }
        if (c != ch) {
          return false;
        }
        pi++;
      }
      si++;
    }
    return si == s.length();
  }

  /** Index of the class's closing bracket, or -1 when the class is malformed. */
  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    boolean first = true;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == ']' && !first) {
        return i;
      }
      if (c == '\\') {
        i++;
      }
      i++;
      first = false;
    }
    return -1;
  }

  private static boolean inClass(String p, int from, int end, char ch) {
    boolean negate = p.charAt(from) == '^';
    int i = negate ? from + 1 : from;
    boolean found = false;
    while (i < end) {
      char lo = p.charAt(i);
      if (lo == '\\') {
        lo = p.charAt(++i);
      }
      i++;
      char hi = lo;
      if (i + 1 < end && p.charAt(i) == '-') {
        hi = p.charAt(i + 1);
        if (hi == '\\') {
          hi = p.charAt(i + 2);
          i++;
        }
        i += 2;
      }
      if (lo <= ch && ch <= hi) {
        found = true;
      }
    }
    return found != negate;
  }
}
