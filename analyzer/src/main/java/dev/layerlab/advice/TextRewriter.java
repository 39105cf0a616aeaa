package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves whole instructions within a Dockerfile's text, keeping every other line (comments, blank
 * lines, continuation style) as the user wrote it. An instruction moves together with the comment
 * lines directly above it.
 */
final class TextRewriter {

  /**
   * Put {@code insertLines} and then {@code moved} (in order) directly before {@code anchor},
   * followed by a blank line. With nothing moved, the new lines are simply added.
   */
  record Move(Instruction anchor, List<Instruction> moved, List<String> insertLines) {

    Move {
      moved = List.copyOf(moved);
      insertLines = List.copyOf(insertLines);
    }

    Move(Instruction anchor, List<Instruction> moved, String insertLine) {
      this(anchor, moved, List.of(insertLine));
    }
  }

  private TextRewriter() {}

  static String apply(String text, Move move) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    boolean trailingNewline = text.endsWith("\n");
    if (trailingNewline) {
      lines.remove(lines.size() - 1);
    }
    String eol = text.contains("\r\n") ? "\r" : "";

    List<String> block = new ArrayList<>();
    move.insertLines().forEach(l -> block.add(l + eol));
    boolean[] removed = new boolean[lines.size() + 1];
    for (Instruction ins : move.moved()) {
      for (int n = withComments(lines, ins.startLine()); n <= ins.endLine(); n++) {
        block.add(lines.get(n - 1));
        removed[n] = true;
      }
    }
    // Where a removed run of lines sat between two blank lines, keep just one of them.
    for (int n = 1; n <= lines.size(); n++) {
      if (!removed[n] || (n > 1 && removed[n - 1])) {
        continue;
      }
      int end = n;
      while (end + 1 <= lines.size() && removed[end + 1]) {
        end++;
      }
      if (n > 1 && end < lines.size() && isBlank(lines.get(n - 2)) && isBlank(lines.get(end))) {
        removed[end + 1] = true;
      }
    }

    int anchorFrom = withComments(lines, move.anchor().startLine());
    List<String> out = new ArrayList<>();
    for (int n = 1; n <= lines.size(); n++) {
      if (n == anchorFrom) {
        out.addAll(block);
        out.add(eol);
      }
      if (!removed[n]) {
        out.add(lines.get(n - 1));
      }
    }
    return String.join("\n", out) + (trailingNewline ? "\n" : "");
  }

  /** The first line of an instruction's block: its own first line or the comments above it. */
  private static int withComments(List<String> lines, int startLine) {
    int first = startLine;
    while (first > 1 && lines.get(first - 2).strip().startsWith("#")) {
      first--;
    }
    return first;
  }

  private static boolean isBlank(String line) {
    return line.strip().isEmpty();
  }
}
