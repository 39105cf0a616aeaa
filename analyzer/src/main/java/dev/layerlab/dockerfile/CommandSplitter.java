package dev.layerlab.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Splits an instruction line into name, leading {@code --flags} and the rest, as BuildKit does. */
final class CommandSplitter {

  private CommandSplitter() {}

  /**
   * @param command lower-cased instruction name
   * @param flags the leading flags without quotes; a {@code --} terminator is consumed
   * @param args the remaining text, whitespace-trimmed
   */
  record Split(String command, List<String> flags, String args) {}

  static Split split(String line) {
    List<String> cmdline = GoText.splitTokenSpace(GoText.trimSpace(line), 2);
    String command = GoText.toLower(cmdline.get(0));
    if (cmdline.size() < 2) {
      return new Split(command, List.of(), "");
    }
    return extractFlags(command, cmdline.get(1));
  }

  /**
   * BuildKit walks the flags byte by byte and turns each byte into a character, so non-ASCII text
   * inside a flag comes out as Latin-1 characters; this keeps that so flags dump identically.
   */
  private static Split extractFlags(String command, String line) {
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    byte[] b = GoText.utf8(line);
    int n = b.length;
    List<String> words = new ArrayList<>();
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int ch = 0;
    for (int pos = 0; pos <= n; pos++) {
      if (pos != n) {
        ch = b[pos] & 0xFF;
      }
      if (phase == inSpaces) {
        if (pos == n) {
          break;
        }
        if (GoText.isSpaceByte(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == n || b[pos + 1] != '-') {
          return rest(command, words, b, pos);
        }
        phase = inWord;
      }
      if (pos == n) {
        if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpaceByte(ch)) {
          phase = inSpaces;
          if (word.toString().equals("--")) {
            return rest(command, words, b, pos);
          }
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == n) {
            continue;
          }
          pos++;
          ch = b[pos] & 0xFF;
        }
        word.append((char) ch);
        continue;
      }
      if (ch == quote) {
        phase = inWord;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == n) {
          phase = inWord;
          continue;
        }
        pos++;
        ch = b[pos] & 0xFF;
      }
      word.append((char) ch);
    }
    return new Split(command, words, "");
  }

  private static Split rest(String command, List<String> flags, byte[] b, int pos) {
    return new Split(command, flags, GoText.trimSpace(GoText.fromUtf8(b, pos, b.length)));
  }
}
