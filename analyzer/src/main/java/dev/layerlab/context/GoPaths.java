package dev.layerlab.context;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path/filepath} helpers on Unix, which Docker applies to patterns and paths. */
final class GoPaths {

  private GoPaths() {}

  /**
   * Lexically cleans a slash-separated path the way Go's {@code filepath.Clean} does on Unix, so
   * that {@code ./a//b/} and {@code a/b} become the same pattern.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    List<String> kept = new ArrayList<>();
    for (String element : path.split("/", -1)) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!kept.isEmpty() && !kept.get(kept.size() - 1).equals("..")) {
          kept.remove(kept.size() - 1);
        } else if (!rooted) {
          kept.add(element);
        }
        continue;
      }
      kept.add(element);
    }
    String joined = String.join("/", kept);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Go's {@code filepath.Dir}: everything before the last slash, cleaned. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(path.substring(0, slash + 1));
  }

  /**
   * Go's {@code strings.TrimSpace}, which trims Unicode white space; Java's {@code strip()} uses a
   * different set (it keeps U+00A0 and drops U+001C..U+001F), and the difference would change which
   * pattern a line becomes.
   */
  static String trimSpace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isGoSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace}; every such character is in the Basic Multilingual Plane. */
  static boolean isGoSpace(char c) {
    switch (c) {
      case '\t',
      '\n',
      0x0B,
      '\f',
      '\r',
      ' ',
      0x85,
      0xA0,
      0x1680,
      0x2028,
      0x2029,
      0x202F,
      0x205F,
      0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }
}
