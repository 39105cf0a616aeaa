package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary ignore files and paths: the only failure allowed is a reported bad line. */
class IgnoreRulesPropertyTest {

  /** Characters with meaning to the glob, the regexp engine Docker hands it to, or the reader. */
  private static final String PATTERN_CHARS = "ab/*?[]^!-\\#.:{}()$+|dpQEx0 \t\n\r\uFEFFα☺";

  @Provide
  Arbitrary<String> ignoreText() {
    return Arbitraries.strings().withChars(PATTERN_CHARS).ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> path() {
    return Arbitraries.strings().withChars("ab/.*[]\\-☺ ").ofMaxLength(20);
  }

  @Property(tries = 3000)
  void anyText_parsesOrFailsWithALineNumber_andMatchingNeverThrows(
      @ForAll("ignoreText") String text, @ForAll("path") String path) {
    IgnoreRules rules;
    try {
      rules = IgnoreRules.parse(text, ".dockerignore");
    } catch (IgnoreFileException e) {
      assertThat(e.line()).as("line of " + e.getMessage()).isPositive();
      return;
    }

    boolean excluded = rules.excludes(path);

    assertThat(rules.explain(path).map(IgnoreDecision::excluded).orElse(false))
        .as("explain agrees with excludes")
        .isEqualTo(excluded);
  }
}
