package dev.layerlab.context;

/**
 * One active line of a {@code .dockerignore}.
 *
 * @param text the pattern as Docker matches it: trimmed, cleaned, without the leading {@code !} and
 *     without a leading {@code /}
 * @param exclusion true for a {@code !} line, which re-includes what earlier lines excluded
 * @param line the 1-based line number in the file, counting comments and blank lines
 * @param originalLine the line as written (without the line break)
 */
public record IgnorePattern(String text, boolean exclusion, int line, String originalLine) {

  /** The pattern as Docker's reader returns it, {@code !} included: {@code !docs/README.md}. */
  public String asRead() {
    return exclusion ? "!" + text : text;
  }
}
