package dev.layerlab.context;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code .dockerignore} into patterns exactly as Docker's ReadAll does. */
final class IgnoreFileReader {

  /** Go's bufio.Scanner gives up on longer lines, which fails the build. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  /** A line that yields a pattern, in ReadAll's output form ({@code !} kept in front). */
  record Line(int number, String original, String pattern) {}

  private IgnoreFileReader() {}

  /**
   * Returns the pattern lines. Comments are recognised before trimming, so {@code " # x"} is a
   * pattern; only the first line loses a byte-order mark.
   */
  static List<Line> readAll(String text, String sourceName) throws IgnoreFileException {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      String raw = text.substring(start, end);
      start = end + 1;
      number++;

      if (raw.endsWith("\r")) {
        raw = raw.substring(0, raw.length() - 1);
      }
      if (number == 1 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      if (raw.length() >= MAX_LINE_BYTES / 3 && utf8Length(raw) >= MAX_LINE_BYTES) {
        throw new IgnoreFileException(sourceName, number, "line too long for Docker's reader");
      }
      if (raw.startsWith("#")) {
        continue;
      }
      String pattern = GoPaths.trimSpace(raw);
      if (pattern.isEmpty()) {
        continue;
      }
      boolean invert = pattern.charAt(0) == '!';
      if (invert) {
        pattern = GoPaths.trimSpace(pattern.substring(1));
      }
      if (!pattern.isEmpty()) {
        pattern = GoPaths.clean(pattern);
        if (pattern.length() > 1 && pattern.charAt(0) == '/') {
          pattern = pattern.substring(1);
        }
      }
      lines.add(new Line(number, raw, invert ? "!" + pattern : pattern));
    }
    return lines;
  }

  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
