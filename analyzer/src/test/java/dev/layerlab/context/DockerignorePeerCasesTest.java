package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of Docker's own {@code .dockerignore} test tables, run through our matcher. */
class DockerignorePeerCasesTest {

  private static final int PATTERN = 0;
  private static final int PATH = 1;
  private static final int EXPECTED = 2;
  private static final int GO_TEST = 4;
  private static final int API = 5;
  private static final int EXPECTED_ERROR = 6;
  private static final int PATTERNS_JSON = 7;

  @TempDir Path temp;

  @Test
  void everyDockerignoreCase_behavesAsInDocker() throws IOException {
    List<String[]> rows = PeerData.tsvRows("dockerignore-cases.tsv");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (String[] row : rows) {
      String failure;
      try {
        failure = check(row);
      } catch (Exception | AssertionError e) {
        failure = "threw " + e;
      }
      if (failure == null) {
        passed++;
      } else {
        failures.add(
            row[GO_TEST] + " " + row[PATTERNS_JSON] + " on '" + row[PATH] + "': " + failure);
      }
    }
    System.out.println("dockerignore cases: " + passed + "/" + rows.size() + " passed");

    assertThat(rows).as("rows in dockerignore-cases.tsv").hasSize(149);
    assertThat(failures).as("cases that disagree with Docker").isEmpty();
  }

  @Test
  void everyReadAllCase_cleansTheLineAsDockerDoes() throws IOException {
    List<String[]> rows = PeerData.tsvRows("dockerignore-readall-cases.tsv");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (String[] row : rows) {
      String input = row[0].equals("(empty line)") ? "" : row[0];
      String expected = row[1];
      List<String> got = new ArrayList<>();
      try {
        IgnoreFileReader.readAll(input, ".dockerignore").forEach(l -> got.add(l.pattern()));
      } catch (IgnoreFileException e) {
        got.add("error: " + e.getMessage());
      }
      List<String> want = expected.equals("(skipped)") ? List.of() : List.of(expected);
      String failure = got.equals(want) ? null : "got " + got + ", want " + want;
      if (failure == null && want.equals(List.of("!"))) {
        failure = parseFails(input) ? null : "a bare ! must be rejected once the rules are built";
      }
      if (failure == null) {
        passed++;
      } else {
        failures.add("'" + row[0] + "': " + failure);
      }
    }
    System.out.println("dockerignore readall cases: " + passed + "/" + rows.size() + " passed");

    assertThat(rows).as("rows in dockerignore-readall-cases.tsv").hasSize(9);
    assertThat(failures).as("lines cleaned differently from Docker").isEmpty();
  }

  /** Returns null when the row behaves as Docker's test expects, else what went wrong. */
  private String check(String[] row) throws Exception {
    List<String> patterns = PeerData.jsonStrings(row[PATTERNS_JSON]);
    String path = row[PATH];
    boolean expected = Boolean.parseBoolean(row[EXPECTED]);
    boolean wantError = !row[EXPECTED_ERROR].isEmpty();
    String goTest = row[GO_TEST];
    String api = row[API];

    if (goTest.startsWith("testDockerignore")) {
      return checkEndToEnd(goTest, row[PATTERN], patterns, path, expected, wantError);
    }
    if (goTest.equals("TestMatchesOrParentMatchesMalformedPatternDoesNotPanicOnRepeatedCall")) {
      PatternMatcher pm = PatternMatcher.compile(patterns);
      for (int call = 1; call <= 2; call++) {
        if (!throwsBadPattern(() -> pm.matchesOrParentMatches(path))) {
          return "call " + call + " did not fail";
        }
      }
      return parseFails(String.join("\n", patterns)) ? null : "parse() accepted it";
    }
    if (api.startsWith("patternmatcher.Matches(")) {
      PatternMatcher pm;
      boolean result;
      try {
        pm = PatternMatcher.compile(patterns);
        result = pm.matchesDeprecated(path);
      } catch (BadPatternException e) {
        return wantError ? null : "unexpected error " + e.getMessage();
      }
      if (wantError) {
        return "expected an error, got " + result;
      }
      return result == expected ? null : "Matches gave " + result;
    }

    PatternMatcher pm = PatternMatcher.compile(patterns);
    boolean orParent = pm.matchesOrParentMatches(path);
    if (orParent != expected) {
      return "MatchesOrParentMatches gave " + orParent;
    }
    String parent = GoPaths.dir(path);
    String[] parentDirs = parent.split("/", -1);
    if (patterns.size() == 1) {
      boolean parentMatched = false;
      if (!parent.equals(".")) {
        for (int i = 0; i < parentDirs.length; i++) {
          parentMatched = pm.matchesUsingParentResult(join(parentDirs, i + 1), parentMatched);
        }
      }
      boolean single = pm.matchesUsingParentResult(path, parentMatched);
      if (single != expected) {
        return "MatchesUsingParentResult gave " + single;
      }
    }
    boolean[] info = null;
    if (!parent.equals(".")) {
      for (int i = 0; i < parentDirs.length; i++) {
        info = pm.matchesUsingParentResults(join(parentDirs, i + 1), info).matchedPatterns();
      }
    }
    boolean incremental = pm.matchesUsingParentResults(path, info).excluded();
    if (incremental != expected) {
      return "MatchesUsingParentResults gave " + incremental;
    }
    boolean noContext = pm.matchesUsingParentResults(path, null).excluded();
    return noContext == expected ? null : "MatchesUsingParentResults(no context) gave " + noContext;
  }

  private String checkEndToEnd(
      String goTest,
      String pattern,
      List<String> patterns,
      String path,
      boolean expected,
      boolean wantError)
      throws Exception {
    String text = String.join("\n", patterns) + "\n";
    if (wantError) {
      return parseFails(text) ? null : "the ignore file was accepted";
    }
    if (goTest.equals("testDockerignoreOverride")) {
      // The chosen file holds this row's pattern; the one it must override holds the other.
      Path context = Files.createTempDirectory(temp, "ctx");
      String other = pattern.equals("bar") ? "foo" : "bar";
      String dockerfileName = pattern.equals("bar") ? "Dockerfile" : "Dockerfile2";
      Files.writeString(context.resolve(".dockerignore"), other + "\n", StandardCharsets.UTF_8);
      Files.writeString(context.resolve(dockerfileName), "FROM scratch\n", StandardCharsets.UTF_8);
      Files.writeString(
          context.resolve(dockerfileName + ".dockerignore"), text, StandardCharsets.UTF_8);
      IgnoreRules rules = IgnoreRules.forBuild(context, context.resolve(dockerfileName));
      boolean result = rules.excludes(path);
      return result == expected ? null : "excludes gave " + result + " using " + rules;
    }
    boolean result = IgnoreRules.parse(text, ".dockerignore").excludes(path);
    return result == expected ? null : "excludes gave " + result;
  }

  private interface Call {
    void run() throws BadPatternException;
  }

  private static boolean throwsBadPattern(Call call) {
    try {
      call.run();
      return false;
    } catch (BadPatternException e) {
      return true;
    }
  }

  private static boolean parseFails(String text) {
    try {
      IgnoreRules.parse(text, ".dockerignore");
      return false;
    } catch (IgnoreFileException e) {
      return true;
    }
  }

  private static String join(String[] parts, int count) {
    return String.join("/", List.of(parts).subList(0, count));
  }
}
