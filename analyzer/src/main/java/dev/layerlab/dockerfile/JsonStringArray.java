package dev.layerlab.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the JSON ("exec") form of an instruction the way BuildKit does with Go's encoding/json.
 *
 * <p>The three outcomes matter separately: text that is not JSON falls back to the shell form,
 * while valid JSON holding anything but strings is a hard error in BuildKit. Go's rules are kept:
 * the whole text must be one JSON value, nesting deeper than 10000 is a syntax error, and a number
 * too large for a double is a decode error (so the text falls back to shell form).
 */
final class JsonStringArray {

  /** Go's encoding/json limit on nesting. */
  private static final int MAX_DEPTH = 10000;

  enum Outcome {
    STRINGS,
    NOT_JSON,
    NOT_STRING_ARRAY
  }

  record Result(Outcome outcome, List<String> values) {}

  private final String s;
  private int pos;
  private boolean overflow;
  private boolean nonString;
  private final List<String> values = new ArrayList<>();

  private JsonStringArray(String s) {
    this.s = s;
  }

  /** Decodes text that starts with {@code [} (leading whitespace already removed). */
  static Result decode(String text) {
    JsonStringArray reader = new JsonStringArray(text);
    if (!reader.scan()) {
      return new Result(Outcome.NOT_JSON, List.of());
    }
    if (reader.overflow) {
      return new Result(Outcome.NOT_JSON, List.of());
    }
    if (reader.nonString) {
      return new Result(Outcome.NOT_STRING_ARRAY, List.of());
    }
    return new Result(Outcome.STRINGS, List.copyOf(reader.values));
  }

  /** Iterative on purpose: a deeply nested array must not exhaust the Java stack. */
  private boolean scan() {
    Deque<Character> stack = new ArrayDeque<>();
    skipWhitespace();
    if (peek() != '[') {
      return false;
    }
    boolean expectValue = true;
    while (true) {
      skipWhitespace();
      if (expectValue) {
        int c = peek();
        boolean element = stack.size() == 1;
        if (c == '[' || c == '{') {
          if (element) {
            nonString = true;
          }
          pos++;
          stack.push((char) c);
          if (stack.size() > MAX_DEPTH) {
            return false;
          }
          skipWhitespace();
          char close = c == '[' ? ']' : '}';
          if (peek() == close) {
            pos++;
            stack.pop();
            expectValue = false;
            continue;
          }
          if (c == '{' && !readKey()) {
            return false;
          }
          continue;
        }
        if (c == '"') {
          String str = readString();
          if (str == null) {
            return false;
          }
          if (element) {
            values.add(str);
          }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          if (!readNumber()) {
            return false;
          }
          nonString |= element;
        } else if (readLiteral("true") || readLiteral("false") || readLiteral("null")) {
          nonString |= element;
        } else {
          return false;
        }
        expectValue = false;
        continue;
      }
      if (stack.isEmpty()) {
        return pos == s.length();
      }
      char top = stack.peek();
      int c = peek();
      if (c == ',') {
        pos++;
        if (top == '{' && !readKey()) {
          return false;
        }
        expectValue = true;
      } else if ((c == ']' && top == '[') || (c == '}' && top == '{')) {
        pos++;
        stack.pop();
      } else {
        return false;
      }
    }
  }

  private boolean readKey() {
    skipWhitespace();
    if (peek() != '"' || readString() == null) {
      return false;
    }
    skipWhitespace();
    if (peek() != ':') {
      return false;
    }
    pos++;
    return true;
  }

  private int peek() {
    return pos < s.length() ? s.charAt(pos) : -1;
  }

  private void skipWhitespace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean readLiteral(String literal) {
    if (s.startsWith(literal, pos)) {
      pos += literal.length();
      return true;
    }
    return false;
  }

  private boolean readNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (peek() >= '1' && peek() <= '9') {
      skipDigits();
    } else {
      return false;
    }
    if (peek() == '.') {
      pos++;
      if (!skipDigits()) {
        return false;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!skipDigits()) {
        return false;
      }
    }
    if (Double.isInfinite(Double.parseDouble(s.substring(start, pos)))) {
      overflow = true;
    }
    return true;
  }

  private boolean skipDigits() {
    int start = pos;
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
    return pos > start;
  }

  /** Returns the decoded string, or null on a syntax error. */
  private String readString() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        appendChecked(sb, c);
        continue;
      }
      if (pos >= s.length()) {
        return null;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          int r = hex4(pos);
          if (r < 0) {
            return null;
          }
          pos += 4;
          appendUnicodeEscape(sb, r);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** Go pairs a high surrogate escape with a following low one; anything else becomes U+FFFD. */
  private void appendUnicodeEscape(StringBuilder sb, int r) {
    if (r < 0xD800 || r >= 0xE000) {
      sb.append((char) r);
      return;
    }
    if (Character.isHighSurrogate((char) r)
        && s.startsWith("\\u", pos)
        && hex4(pos + 2) >= 0
        && Character.isLowSurrogate((char) hex4(pos + 2))) {
      sb.append((char) r).append((char) hex4(pos + 2));
      pos += 6;
      return;
    }
    sb.append('\uFFFD');
  }

  /** A lone surrogate cannot come from UTF-8 input; Go would see invalid bytes and use U+FFFD. */
  private void appendChecked(StringBuilder sb, char c) {
    if (Character.isHighSurrogate(c)
        && pos < s.length()
        && Character.isLowSurrogate(s.charAt(pos))) {
      sb.append(c).append(s.charAt(pos++));
    } else if (Character.isSurrogate(c)) {
      sb.append('\uFFFD');
    } else {
      sb.append(c);
    }
  }

  private int hex4(int at) {
    if (at + 4 > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
