package dev.layerlab.advice;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # layerlab ignore=LL001,LL005} comments: on the comment lines directly above an
 * instruction, they keep those rules from reporting that instruction.
 */
final class InlineIgnores {

  private static final Pattern IGNORE =
      Pattern.compile("^#\\s*layerlab\\s+ignore\\s*=\\s*([A-Za-z0-9,\\s]+)$");

  private final List<String> lines;

  InlineIgnores(String text) {
    this.lines = List.of(text.split("\r?\n", -1));
  }

  /** The rule ids suppressed for the instruction starting on {@code line} (1-based). */
  Set<String> suppressed(int line) {
    Set<String> ids = new HashSet<>();
    for (int n = line - 1; n >= 1 && n <= lines.size(); n--) {
      String l = lines.get(n - 1).strip();
      if (!l.startsWith("#")) {
        break;
      }
      Matcher m = IGNORE.matcher(l);
      if (m.matches()) {
        for (String id : m.group(1).split("[,\\s]+")) {
          if (!id.isBlank()) {
            ids.add(id.strip().toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    return ids;
  }
}
