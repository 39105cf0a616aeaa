package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Docker passes brackets and backslash escapes to Go's regexp engine, not its glob matcher, so a
 * few patterns mean something a reader would not guess. These pin what Docker actually does.
 */
class DockerPatternQuirksTest {

  private static boolean excludes(String pattern, String path) throws Exception {
    return IgnoreRules.parse(pattern + "\n", ".dockerignore").excludes(path);
  }

  @Test
  void questionMarkInsideBrackets_becomesPartOfAGoRegexpClass() throws Exception {
    // [a?] is compiled to the regexp [a[^/]], read as the class {a,[,^,/} then a literal ].
    assertThat(excludes("[a?]", "a")).as("a single a").isFalse();
    assertThat(excludes("[a?]", "a]")).as("a then ]").isTrue();
  }

  @Test
  void backslashLetter_isARegexpEscapeNotALiteral() throws Exception {
    assertThat(excludes("v\\d", "v7")).as("\\d is a digit class").isTrue();
    assertThat(excludes("v\\d", "vd")).as("not the letter d").isFalse();
  }

  @Test
  void backslashPunctuation_isALiteral() throws Exception {
    assertThat(excludes("a\\*b", "a*b")).as("escaped star").isTrue();
    assertThat(excludes("a\\*b", "axb")).as("not a wildcard").isFalse();
  }

  @Test
  void dollarAndDot_areLiterals() throws Exception {
    assertThat(excludes("$HOME.txt", "$HOME.txt")).as("literal").isTrue();
    assertThat(excludes("*.txt", "a.txt\n")).as("$ is end of text, not before a newline").isFalse();
  }

  @Test
  void unknownEscape_isRejectedAtParseTime() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> excludes("a\\e*", "x"))
        .as("Go's regexp has no \\e")
        .isInstanceOf(IgnoreFileException.class);
  }
}
