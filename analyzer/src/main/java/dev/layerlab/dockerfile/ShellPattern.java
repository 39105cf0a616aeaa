package dev.layerlab.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wildcard patterns of {@code ${a#p}}, {@code ${a%p}} and {@code ${a/p/r}}, matched the way
 * BuildKit does: converted to a regular expression, with {@code %} done by reversing both sides.
 */
final class ShellPattern {

  private ShellPattern() {}

  /** {@code ?} is one character, {@code *} the shortest (or, greedy, longest) run; no brackets. */
  static Pattern toRegex(String pattern, boolean greedy, boolean anchored) {
    int[] cps = skipBom(pattern.codePoints().toArray());
    StringBuilder out = new StringBuilder(pattern.length() + 4);
    if (anchored) {
      out.append('^');
    }
    String star = greedy ? ".*" : ".*?";
    for (int i = 0; i < cps.length; i++) {
      int tok = cps[i];
      switch (tok) {
        case '*' -> {
          out.append(star);
          continue;
        }
        case '?' -> {
          out.append('.');
          continue;
        }
        case '\\' -> {
          int peek = i + 1 < cps.length ? cps[i + 1] : -1;
          // \} and \/ only protect the ${} syntax; the backslash is not part of the pattern.
          if (peek == '}' || peek == '/') {
            continue;
          }
          out.append('\\');
          i++;
          tok = peek;
          if (tok != '*' && tok != '?' && tok != '\\') {
            String shown = tok < 0 ? "\uFFFD" : new String(Character.toChars(tok));
            throw new ExpansionException("invalid escape '\\" + shown + "'");
          }
        }
        case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> out.append('\\');
        default -> {}
      }
      out.appendCodePoint(tok);
    }
    // Go's "." stops only at \n; Java's stops at other line terminators too unless UNIX_LINES.
    return Pattern.compile(out.toString(), Pattern.UNIX_LINES);
  }

  private static int[] skipBom(int[] cps) {
    if (cps.length > 0 && cps[0] == 0xFEFF) {
      return java.util.Arrays.copyOfRange(cps, 1, cps.length);
    }
    return cps;
  }

  static String trimPrefix(String pattern, String value, boolean greedy) {
    Matcher m = compile(pattern, greedy, true).matcher(value);
    return m.find() ? value.substring(m.end()) : value;
  }

  /** A regexp cannot find the shortest rightmost match, so both sides are reversed. */
  static String trimSuffix(String pattern, String value, boolean greedy) {
    String reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
    return reverse(reversed);
  }

  static String replace(String value, String pattern, String replacement, boolean all) {
    Pattern re = compile(pattern, true, false);
    if (all) {
      return replaceAllLikeGo(re, value, replacement);
    }
    Matcher m = re.matcher(value);
    if (m.find()) {
      return value.substring(0, m.start()) + replacement + value.substring(m.end());
    }
    return value;
  }

  private static Pattern compile(String pattern, boolean greedy, boolean anchored) {
    try {
      return toRegex(pattern, greedy, anchored);
    } catch (ExpansionException e) {
      throw new ExpansionException(
          "invalid pattern (" + pattern + ") in substitution: " + e.getMessage());
    }
  }

  /** Reverses the pattern but keeps each escape in front of the character it escapes. */
  static String reversePattern(String pattern) {
    int[] in = pattern.codePoints().toArray();
    int[] out = new int[in.length];
    int last = in.length - 1;
    int i = 0;
    while (i <= last) {
      int outIdx = last - i;
      if (in[i] == '\\' && i != last) {
        out[outIdx - 1] = in[i];
        out[outIdx] = in[i + 1];
        i += 2;
      } else {
        out[outIdx] = in[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  private static String reverse(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = cps.length - 1; i >= 0; i--) {
      sb.appendCodePoint(cps[i]);
    }
    return sb.toString();
  }

  /**
   * Go's Regexp.ReplaceAllString: an empty match right after a previous match is skipped, and the
   * replacement is a template in which {@code $0} is the match and {@code $$} a dollar sign.
   */
  private static String replaceAllLikeGo(Pattern re, String src, String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = re.matcher(src);
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= src.length() && m.find(searchPos)) {
      int start = m.start();
      int end = m.end();
      out.append(src, lastMatchEnd, start);
      if (end > lastMatchEnd || start == 0) {
        expandTemplate(out, template, src.substring(start, end));
      }
      lastMatchEnd = end;
      int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > end) {
        searchPos += width;
      } else if (searchPos + 1 > end) {
        searchPos++;
      } else {
        searchPos = end;
      }
    }
    out.append(src, lastMatchEnd, src.length());
    return out.toString();
  }

  private static void expandTemplate(StringBuilder out, String template, String match) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      int[] ref = templateReference(template, i);
      if (ref == null) {
        out.append('$');
        continue;
      }
      if (ref[1] == 0) {
        out.append(match);
      }
      i = ref[0];
    }
    out.append(template, i, template.length());
  }

  /** Returns {end, groupNumber} of a {@code $name} or {@code ${name}} reference, or null. */
  private static int[] templateReference(String t, int from) {
    int i = from;
    boolean brace = i < t.length() && t.charAt(i) == '{';
    if (brace) {
      i++;
    }
    int nameStart = i;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == nameStart) {
      return null;
    }
    String name = t.substring(nameStart, i);
    if (brace) {
      if (i >= t.length() || t.charAt(i) != '}') {
        return null;
      }
      i++;
    }
    // Only group 0 exists: the converted pattern escapes every parenthesis.
    return new int[] {i, name.equals("0") ? 0 : -1};
  }
}
