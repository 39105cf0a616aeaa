package dev.layerlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variable expansion and word splitting against BuildKit's lexer data files. */
class ShellLexerTest {

  private static final ShellLexer LEXER = new ShellLexer('\\');

  @Test
  void envVarTestFile_everyUnixLineExpandsLikeBuildkit() throws IOException {
    Map<String, String> env = Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int lineNumber = 0;
    for (String line : lines("buildkit-shell/envVarTest")) {
      lineNumber++;
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\|", -1);
      assertThat(parts).as("fields on line %d", lineNumber).hasSize(3);
      String platform = parts[0].trim();
      if (platform.equals("W")) {
        continue;
      }
      String input = parts[1].trim();
      String expected = parts[2].trim();
      checked++;
      String actual;
      try {
        actual = LEXER.processWord(input, env::get);
      } catch (ExpansionException e) {
        actual = "error";
      }
      if (!actual.equals(expected)) {
        failures.add(lineNumber + ": " + input + " -> " + actual + " (want " + expected + ")");
      }
    }
    System.out.printf("shell envVarTest: %d/%d passed%n", checked - failures.size(), checked);
    assertThat(failures).as("envVarTest lines that differ").isEmpty();
    assertThat(checked).as("lines checked").isGreaterThan(200);
  }

  @Test
  void wordsTestFile_everyLineSplitsLikeBuildkit() throws IOException {
    Map<String, String> env = new HashMap<>();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int lineNumber = 0;
    for (String line : lines("buildkit-shell/wordsTest")) {
      lineNumber++;
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("ENV ")) {
        String assignment = line.substring(3).replaceFirst("^ +", "");
        int eq = assignment.indexOf('=');
        // The first definition wins, as in BuildKit's env list lookup.
        env.putIfAbsent(assignment.substring(0, eq), assignment.substring(eq + 1));
        continue;
      }
      String[] parts = line.split("\\|", -1);
      assertThat(parts).as("fields on line %d", lineNumber).hasSize(2);
      String input = parts[0].trim();
      List<String> expected = Arrays.asList(parts[1].replaceFirst("^ +", "").split(",", -1));
      checked++;
      List<String> actual;
      try {
        actual = LEXER.processWords(input, env::get);
      } catch (ExpansionException e) {
        actual = List.of("error");
      }
      if (!actual.equals(expected)) {
        failures.add(lineNumber + ": " + input + " -> " + actual + " (want " + expected + ")");
      }
    }
    System.out.printf("shell wordsTest: %d/%d passed%n", checked - failures.size(), checked);
    assertThat(failures).as("wordsTest lines that differ").isEmpty();
  }

  @Test
  void prefixAndSuffixTrims_takeShortestOrLongestMatch() {
    Map<String, String> env = Map.of("path", "/usr/local/bin/tool.tar.gz");

    assertThat(LEXER.processWord("${path#*/}", env::get))
        .as("#")
        .isEqualTo("usr/local/bin/tool.tar.gz");
    assertThat(LEXER.processWord("${path##*/}", env::get)).as("##").isEqualTo("tool.tar.gz");
    assertThat(LEXER.processWord("${path%.*}", env::get))
        .as("%")
        .isEqualTo("/usr/local/bin/tool.tar");
    assertThat(LEXER.processWord("${path%%.*}", env::get))
        .as("%%")
        .isEqualTo("/usr/local/bin/tool");
    assertThat(LEXER.processWord("${path#nomatch}", env::get))
        .as("no match")
        .isEqualTo("/usr/local/bin/tool.tar.gz");
  }

  @Test
  void replacement_replacesFirstOrEveryMatch() {
    Map<String, String> env = Map.of("v", "a-b-c");

    assertThat(LEXER.processWord("${v/-/+}", env::get)).as("first").isEqualTo("a+b-c");
    assertThat(LEXER.processWord("${v//-/+}", env::get)).as("all").isEqualTo("a+b+c");
    assertThat(LEXER.processWord("${v//?/x}", env::get)).as("wildcard").isEqualTo("xxxxx");
    assertThat(LEXER.processWord("${v//\\//x}", Map.of("v", "a/b")::get))
        .as("escaped slash in pattern")
        .isEqualTo("axb");
  }

  @Test
  void unsetAndEmptyModifiers_distinguishColonForms() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("empty", "");

    assertThat(LEXER.processWord("${empty-x}", env::get)).as("- keeps empty").isEmpty();
    assertThat(LEXER.processWord("${empty:-x}", env::get)).as(":- replaces empty").isEqualTo("x");
    assertThat(LEXER.processWord("${empty+x}", env::get)).as("+ on set").isEqualTo("x");
    assertThat(LEXER.processWord("${empty:+x}", env::get)).as(":+ on empty").isEmpty();
    assertThatThrownBy(() -> LEXER.processWord("${unset?must be set}", env::get))
        .as("? on unset")
        .isInstanceOf(ExpansionException.class)
        .hasMessageContaining("unset: must be set");
    assertThatThrownBy(() -> LEXER.processWord("${empty:?}", env::get))
        .as(":? on empty")
        .hasMessageContaining("empty: is not allowed to be empty");
  }

  @Test
  void backtickEscape_escapesLikeBackslashDoes() {
    ShellLexer lexer = new ShellLexer('`');

    assertThat(lexer.processWord("a`$b\\c", name -> "x")).as("backtick escape").isEqualTo("a$b\\c");
    assertThat(lexer.processWords("a` b c", name -> null))
        .as("escaped space")
        .containsExactly("a b", "c");
  }

  @Test
  void skipUnsetEnv_leavesUnknownReferencesAsWritten() {
    ShellLexer lexer = LEXER.withSkipUnsetEnv(true);

    assertThat(lexer.processWord("$a ${b} ${c:-d}", name -> null))
        .as("unset kept")
        .isEqualTo("$a ${b} ${c:-d}");
  }

  @Test
  void deeplyNestedDefaults_failCleanlyInsteadOfOverflowingTheStack() {
    String word = "${a:-".repeat(5000) + "x" + "}".repeat(5000);

    assertThatThrownBy(() -> LEXER.processWord(word, name -> null))
        .as("deep nesting")
        .isInstanceOf(ExpansionException.class);
  }

  private static List<String> lines(String relative) throws IOException {
    return Files.readAllLines(PeerData.resolve(relative), StandardCharsets.UTF_8);
  }
}
