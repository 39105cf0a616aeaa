package dev.layerlab.context;

/**
 * The syntax check Docker runs on every pattern: it calls Go's {@code filepath.Match(pattern, ".")}
 * only for its error, so a pattern is rejected exactly when Go's matcher finds it malformed.
 */
final class GlobSyntax {

  private GlobSyntax() {}

  /**
   * Whether Go's {@code filepath.Match} would return {@code ErrBadPattern} for this pattern. Go's
   * matcher keeps scanning the pattern after a mismatch, so its errors never depend on the name
   * being matched: checking each star-separated chunk's syntax gives the same answer.
   */
  static boolean isMalformed(String pattern) {
    int[] cps = pattern.codePoints().toArray();
    int pos = 0;
    while (pos < cps.length) {
      while (pos < cps.length && cps[pos] == '*') {
        pos++;
      }
      int end = chunkEnd(cps, pos);
      if (!chunkIsWellFormed(cps, pos, end)) {
        return true;
      }
      pos = end;
    }
    return false;
  }

  /** Where a chunk ends: at the next {@code *} that is not inside brackets (Go's scanChunk). */
  private static int chunkEnd(int[] cps, int start) {
    boolean inRange = false;
    int i = start;
    for (; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\') {
        if (i + 1 < cps.length) {
          i++;
        }
      } else if (c == '[') {
        inRange = true;
      } else if (c == ']') {
        inRange = false;
      } else if (c == '*' && !inRange) {
        break;
      }
    }
    return i;
  }

  private static boolean chunkIsWellFormed(int[] cps, int start, int end) {
    int i = start;
    while (i < end) {
      int c = cps[i];
      if (c == '[') {
        i++;
        if (i < end && cps[i] == '^') {
          i++;
        }
        int ranges = 0;
        while (true) {
          if (i < end && cps[i] == ']' && ranges > 0) {
            i++;
            break;
          }
          i = classCharEnd(cps, i, end);
          if (i < 0) {
            return false;
          }
          if (cps[i] == '-') {
            i = classCharEnd(cps, i + 1, end);
            if (i < 0) {
              return false;
            }
          }
          ranges++;
        }
      } else if (c == '\\') {
        i++;
        if (i >= end) {
          return false;
        }
        i++;
      } else {
        i++;
      }
    }
    return true;
  }

  /**
   * Go's getEsc: reads one possibly escaped character of a class and returns the index after it, or
   * -1 when the class is malformed (an unescaped {@code -} or {@code ]}, or nothing follows).
   */
  private static int classCharEnd(int[] cps, int i, int end) {
    if (i >= end || cps[i] == '-' || cps[i] == ']') {
      return -1;
    }
    if (cps[i] == '\\') {
      i++;
      if (i >= end) {
        return -1;
      }
    }
    i++;
    return i >= end ? -1 : i;
  }
}
