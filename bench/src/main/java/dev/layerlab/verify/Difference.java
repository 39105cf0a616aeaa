package dev.layerlab.verify;

/**
 * One way the rewrite's image differs from the original's.
 *
 * @param where a file system path, or {@code config.<Field>} for the start-up configuration
 * @param what what differs, original first ({@code content differs}, {@code only in the original})
 * @param expectedBecause why the difference is intended, or empty when it is not
 */
public record Difference(String where, String what, String expectedBecause) {

  public boolean expected() {
    return !expectedBecause.isEmpty();
  }

  public String oneLine() {
    return where + ": " + what + (expected() ? " (expected: " + expectedBecause + ")" : "");
  }
}
