package dev.layerlab.cache;

/** Wording shared by the causes: how an instruction is named in a sentence. */
final class Sentences {

  private static final int MAX = 60;

  private Sentences() {}

  /** The instruction on one line, whitespace collapsed, cut to a readable length. */
  static String shorten(String original) {
    String flat = original.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX ? flat : flat.substring(0, MAX - 3) + "...";
  }

  /** "COPY . . (line 4)". */
  static String step(PlannedStep s) {
    return shorten(s.instruction().original()) + " (line " + s.line() + ")";
  }
}
