package dev.layerlab.dockerfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Go's text rules (unicode.IsSpace, strings.TrimSpace, strconv.Quote) that BuildKit relies on. */
final class GoText {

  private GoText() {}

  /** Go's unicode.IsSpace: Java's own whitespace tests disagree on NEL, NBSP and U+202F. */
  static boolean isSpace(int cp) {
    switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> {
        return true;
      }
      default -> {
        if (cp < 0x100) {
          return false;
        }
        return cp == 0x1680
            || (cp >= 0x2000 && cp <= 0x200A)
            || cp == 0x2028
            || cp == 0x2029
            || cp == 0x202F
            || cp == 0x205F
            || cp == 0x3000;
      }
    }
  }

  /** unicode.IsSpace applied to a single byte, as BuildKit does when it walks a line bytewise. */
  static boolean isSpaceByte(int b) {
    return (b >= 0x09 && b <= 0x0D) || b == ' ' || b == 0x85 || b == 0xA0;
  }

  static String trimSpace(String s) {
    return trimRightSpace(trimLeftSpace(s));
  }

  static String trimLeftSpace(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  static String trimRightSpace(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** The [\t\v\f\r ] class that BuildKit's whitespace regexps use. */
  static boolean isTokenSpace(char c) {
    return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ';
  }

  /**
   * Go's regexp.Split with the pattern {@code [\t\v\f\r ]+}; {@code limit < 0} means no limit.
   * Written out because Go drops a leading empty match differently from Java's String.split.
   */
  static List<String> splitTokenSpace(String s, int limit) {
    List<String> out = new ArrayList<>();
    if (limit == 0) {
      return out;
    }
    if (s.isEmpty()) {
      out.add("");
      return out;
    }
    int begin = 0;
    int lastMatchStart = 0;
    int i = 0;
    while (i < s.length()) {
      if (!isTokenSpace(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && isTokenSpace(s.charAt(i))) {
        i++;
      }
      if (limit > 0 && out.size() == limit - 1) {
        break;
      }
      lastMatchStart = start;
      out.add(s.substring(begin, start));
      begin = i;
    }
    if (lastMatchStart != s.length()) {
      out.add(s.substring(begin));
    }
    return out;
  }

  /** Go's strings.ToLower: rune by rune, without Java's locale-sensitive special cases. */
  static String toLower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
    return sb.toString();
  }

  static String toUpper(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toUpperCase(cp)));
    return sb.toString();
  }

  static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String fromUtf8(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  /** Go's strconv.Quote. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(sb, cp);
    }
    return sb.append('"').toString();
  }

  /** Go's {@code fmt.Sprintf("%q", []string{...})}. */
  static String quoteList(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(quote(values.get(i)));
    }
    return sb.append(']').toString();
  }

  private static void appendEscaped(StringBuilder sb, int cp) {
    if (cp == '"' || cp == '\\') {
      sb.append('\\').appendCodePoint(cp);
      return;
    }
    if (isPrint(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7F) {
          sb.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          sb.append(String.format("\\u%04x", cp));
        } else {
          sb.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.CONNECTOR_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
