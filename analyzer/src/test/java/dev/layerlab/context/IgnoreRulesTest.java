package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code .dockerignore} cases users most often get wrong, and the file-level rules. */
class IgnoreRulesTest {

  @TempDir Path temp;

  @Test
  void trailingSlashNodeModules_ignoresOnlyTheTopLevelFolder() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("node_modules/\n", ".dockerignore");

    assertThat(rules.excludes("node_modules")).as("the top-level folder").isTrue();
    assertThat(rules.excludes("node_modules/react/index.js")).as("inside it").isTrue();
    assertThat(rules.excludes("packages/web/node_modules/react/index.js"))
        .as("a nested node_modules is sent: patterns are anchored at the context root")
        .isFalse();
    assertThat(rules.patterns().get(0).text()).as("cleaned pattern").isEqualTo("node_modules");
  }

  @Test
  void doubleStarNodeModules_ignoresNestedFoldersToo() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("**/node_modules\n", ".dockerignore");

    assertThat(rules.excludes("node_modules/a.js")).as("top level").isTrue();
    assertThat(rules.excludes("packages/web/node_modules/a.js")).as("nested").isTrue();
  }

  @Test
  void leadingSlashDatasetsStar_excludesTheFolderContentsButNotTheFolder() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("/datasets/*\n", ".dockerignore");

    assertThat(rules.patterns().get(0).text()).as("leading slash dropped").isEqualTo("datasets/*");
    assertThat(rules.excludes("datasets")).as("the folder itself").isFalse();
    assertThat(rules.excludes("datasets/train.csv")).as("a file in it").isTrue();
    assertThat(rules.excludes("datasets/2024/train.csv")).as("deeper, via its parent").isTrue();
    assertThat(rules.excludes("src/datasets/x.csv")).as("same name elsewhere").isFalse();
  }

  @Test
  void starThenNestedTxtException_reincludesOnlyOneLevelDeep() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("*\n!*/*.txt\n", ".dockerignore");

    assertThat(rules.excludes("notes.txt")).as("top-level txt: */*.txt needs a folder").isTrue();
    assertThat(rules.excludes("docs/a.txt")).as("one level down").isFalse();
    assertThat(rules.excludes("docs/a.md")).as("other files stay out").isTrue();
    assertThat(rules.excludes("docs/deep/a.txt")).as("two levels down: * stops at /").isTrue();
    assertThat(rules.explain("docs/a.txt"))
        .as("the exception line decides")
        .hasValueSatisfying(d -> assertThat(d.pattern().line()).isEqualTo(2));
  }

  @Test
  void doubleStarException_reincludesAtAnyDepth() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("**/*.md\n!**/README.md\n", ".dockerignore");

    assertThat(rules.excludes("README.md")).as("top level README").isFalse();
    assertThat(rules.excludes("docs/api/README.md")).as("nested README").isFalse();
    assertThat(rules.excludes("docs/guide.md")).as("other markdown").isTrue();
  }

  @Test
  void everythingButSrc_keepsTheWholeSrcTree() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("**\n!src/**\n", ".dockerignore");

    assertThat(rules.excludes("src/main/App.java")).as("inside src").isFalse();
    assertThat(rules.excludes("README.md")).as("outside src").isTrue();
  }

  @Test
  void excludeThenParentException_followsTheWalkNotAFreshAncestorCheck() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("x/y\n!x\n", ".dockerignore");
    PatternMatcher fresh = PatternMatcher.compile(java.util.List.of("x/y", "!x"));

    assertThat(rules.excludes("x/y"))
        .as("real builds pass parent results down, so !x never reaches x/y")
        .isTrue();
    assertThat(fresh.matchesOrParentMatches("x/y"))
        .as("MatchesOrParentMatches re-checks ancestors and disagrees")
        .isFalse();
  }

  @Test
  void explain_namesTheDecidingLineAndIsEmptyWhenNothingMatched() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("# build output\n\ndist\n!dist/keep.txt\n", "x");

    assertThat(rules.explain("dist/app.js"))
        .as("excluded by line 3")
        .hasValueSatisfying(
            d -> {
              assertThat(d.excluded()).isTrue();
              assertThat(d.pattern().line()).isEqualTo(3);
              assertThat(d.pattern().originalLine()).isEqualTo("dist");
            });
    assertThat(rules.explain("dist/keep.txt"))
        .as("re-included by line 4")
        .hasValueSatisfying(d -> assertThat(d.excluded()).isFalse());
    assertThat(rules.explain("src/a.c")).as("untouched path").isEmpty();
  }

  @Test
  void commentsOnlyCountInColumnOne_andTheByteOrderMarkIsDropped() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("\uFEFF# comment\n  # not a comment\n", ".dockerignore");

    assertThat(rules.patterns()).as("one pattern").hasSize(1);
    assertThat(rules.patterns().get(0).text())
        .as("indented # is a pattern")
        .isEqualTo("# not a comment");
    assertThat(rules.patterns().get(0).line()).as("line number").isEqualTo(2);
  }

  @Test
  void malformedPattern_failsWithFileAndLine() {
    assertThatThrownBy(() -> IgnoreRules.parse("ok\n# c\nsrc/[\n", "ctx/.dockerignore"))
        .as("unclosed class")
        .isInstanceOfSatisfying(
            IgnoreFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.source()).isEqualTo("ctx/.dockerignore");
              assertThat(e.getMessage()).startsWith("ctx/.dockerignore:3: ");
            });
  }

  @Test
  void bareExclamationMark_isRejected() {
    assertThatThrownBy(() -> IgnoreRules.parse("a\n!\n", ".dockerignore"))
        .as("Docker: illegal exclusion pattern")
        .isInstanceOfSatisfying(IgnoreFileException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void patternGoRegexpRejects_failsAtParseTime() {
    assertThatThrownBy(() -> IgnoreRules.parse("[Local-Only]/\n", ".dockerignore"))
        .as("passes Go's glob check but not its regexp engine; Docker fails every build")
        .isInstanceOf(IgnoreFileException.class);
  }

  @Test
  void bracketsReachGoRegexp_soPosixClassesWork() throws Exception {
    IgnoreRules rules = IgnoreRules.parse("[[:digit:]]*.log\n", ".dockerignore");

    assertThat(rules.excludes("7days.log")).as("POSIX class as Go's regexp reads it").isTrue();
    assertThat(rules.excludes("days.log")).as("no digit").isFalse();
  }

  @Test
  void dockerfileNamedIgnoreFile_winsOverTheContextOne() throws Exception {
    Files.writeString(temp.resolve(".dockerignore"), "a\n");
    Files.createDirectories(temp.resolve("build"));
    Path dockerfile = temp.resolve("build/app.Dockerfile");
    Files.writeString(dockerfile, "FROM scratch\n");
    Files.writeString(temp.resolve("build/app.Dockerfile.dockerignore"), "b\n");

    IgnoreRules buildkit = IgnoreRules.forBuild(temp, dockerfile);
    IgnoreRules classic = IgnoreRules.forBuild(temp, dockerfile, ContextSender.CLASSIC);

    assertThat(buildkit.source())
        .as("BuildKit's choice")
        .contains(dockerfile.resolveSibling("app.Dockerfile.dockerignore"));
    assertThat(buildkit.excludes("b")).as("BuildKit uses b").isTrue();
    assertThat(buildkit.excludes("a")).as("and ignores the context file").isFalse();
    assertThat(classic.excludes("a")).as("the classic CLI reads only the context file").isTrue();
  }

  @Test
  void noIgnoreFile_excludesNothing() throws Exception {
    IgnoreRules rules = IgnoreRules.forBuild(temp, temp.resolve("Dockerfile"));

    assertThat(rules.patterns()).as("no patterns").isEmpty();
    assertThat(rules.source()).as("no source").isEmpty();
    assertThat(rules.excludes("anything")).as("nothing excluded").isFalse();
  }
}
