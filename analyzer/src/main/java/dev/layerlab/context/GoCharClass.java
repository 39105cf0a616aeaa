package dev.layerlab.context;

import java.util.ArrayList;
import java.util.List;

/**
 * A Go regexp character class as a set of code-point ranges plus Unicode properties, printed as one
 * Java class of explicit ranges so Java adds no meaning of its own.
 */
final class GoCharClass {

  private static final int MAX_RUNE = 0x10FFFF;

  private final List<int[]> ranges = new ArrayList<>();
  private final List<String> properties = new ArrayList<>();
  private boolean negated;

  void add(int lo, int hi) {
    ranges.add(new int[] {lo, hi});
  }

  void addAll(List<int[]> more) {
    ranges.addAll(more);
  }

  void addProperty(String property) {
    properties.add(property);
  }

  void negate() {
    negated = true;
  }

  static List<int[]> complement(List<int[]> ranges) {
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> result = new ArrayList<>();
    int next = 0;
    for (int[] r : sorted) {
      if (r[0] > next) {
        result.add(new int[] {next, r[0] - 1});
      }
      next = Math.max(next, r[1] + 1);
    }
    if (next <= MAX_RUNE) {
      result.add(new int[] {next, MAX_RUNE});
    }
    return result;
  }

  String toJava() {
    List<int[]> effective = ranges;
    boolean javaNegation = negated;
    if (properties.isEmpty() && negated) {
      effective = complement(ranges);
      javaNegation = false;
    }
    if (effective.isEmpty() && properties.isEmpty()) {
      return javaNegation ? "[\\x{0}-\\x{10ffff}]" : "(?!)";
    }
    StringBuilder sb = new StringBuilder(javaNegation ? "[^" : "[");
    for (int[] r : effective) {
      sb.append("\\x{").append(Integer.toHexString(r[0])).append('}');
      if (r[1] != r[0]) {
        sb.append("-\\x{").append(Integer.toHexString(r[1])).append('}');
      }
    }
    properties.forEach(sb::append);
    return sb.append(']').toString();
  }
}
