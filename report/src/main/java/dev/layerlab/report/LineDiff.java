package dev.layerlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence; Dockerfiles are short, so the square table is fine.
 */
final class LineDiff {

  /** One line of a diff: {@code ' '} kept, {@code '-'} only before, {@code '+'} only after. */
  record Line(char op, String text) {}

  private LineDiff() {}

  static List<Line> diff(List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            before.get(i).equals(after.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        out.add(new Line(' ', before.get(i++)));
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add(new Line('+', after.get(j++)));
      } else {
        out.add(new Line('-', before.get(i++)));
      }
    }
    return out;
  }
}
