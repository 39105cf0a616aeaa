package dev.layerlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own parser test files: every dump must match byte for byte. */
class BuildkitParserCasesTest {

  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger TOTAL = new AtomicInteger();
  private static final AtomicInteger NEGATIVE_PASSED = new AtomicInteger();
  private static final AtomicInteger NEGATIVE_TOTAL = new AtomicInteger();

  @AfterAll
  static void printCounts() {
    System.out.printf("buildkit parser cases: %d/%d passed%n", PASSED.get(), TOTAL.get());
    System.out.printf(
        "buildkit parser negative cases: %d/%d passed%n",
        NEGATIVE_PASSED.get(), NEGATIVE_TOTAL.get());
  }

  @TestFactory
  Stream<DynamicTest> everyParserCase_dumpsExactlyLikeBuildkit() throws IOException {
    List<Path> cases = caseDirs("buildkit-parser");
    assertThat(cases).as("number of BuildKit parser cases").hasSize(33);
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      TOTAL.incrementAndGet();
                      String expected = read(dir.resolve("result"));
                      ParsedAst ast =
                          AstParser.parse(read(dir.resolve("Dockerfile")), "Dockerfile");
                      assertThat(ast.dump() + "\n").as("dump of %s", dir).isEqualTo(expected);
                      PASSED.incrementAndGet();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyNegativeCase_isRejectedWithALocation() throws IOException {
    List<Path> cases = caseDirs("buildkit-parser-negative");
    assertThat(cases).as("number of BuildKit negative cases").hasSize(4);
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      NEGATIVE_TOTAL.incrementAndGet();
                      String text = read(dir.resolve("Dockerfile"));
                      DockerfileException e =
                          catchThrowableOfType(
                              DockerfileException.class, () -> AstParser.parse(text, "Dockerfile"));
                      assertThat(e).as("parse error for %s", dir).isNotNull();
                      if (!text.isEmpty()) {
                        assertThat(e.line()).as("line of the error in %s", dir).isPositive();
                      }
                      assertThat(e.getMessage()).as("one-line message").doesNotContain("\n");
                      NEGATIVE_PASSED.incrementAndGet();
                    }));
  }

  @Test
  void lineTestFile_reportsBuildkitLineRanges() throws Exception {
    String text = read(PeerData.resolve("buildkit-parser-line/Dockerfile"));

    ParsedAst ast = AstParser.parse(text, "Dockerfile");

    Node root = ast.root();
    assertThat(root.startLine()).as("root start line").isEqualTo(5);
    assertThat(root.endLine()).as("root end line").isEqualTo(31);
    assertThat(root.children())
        .as("instruction line ranges")
        .extracting(n -> List.of(n.startLine(), n.endLine()))
        .containsExactly(List.of(5, 5), List.of(11, 12), List.of(17, 31));
    System.out.println("buildkit parser line case: 1/1 passed");
  }

  @Test
  void negativeCases_carryBuildkitMessages() throws Exception {
    assertThat(errorOf("buildkit-parser-negative/env_no_value"))
        .as("ENV without a value")
        .isEqualTo("Dockerfile:3: ENV must have two arguments");
    assertThat(errorOf("buildkit-parser-negative/shykes-nested-json"))
        .as("nested JSON array")
        .isEqualTo("Dockerfile:1: " + LineParsers.NOT_STRING_ARRAY);
    assertThat(errorOf("buildkit-parser-negative/only_comments"))
        .as("only comments")
        .isEqualTo("Dockerfile:3: file with no instructions");
    assertThat(errorOf("buildkit-parser-negative/empty_dockerfile"))
        .as("empty file")
        .isEqualTo("Dockerfile: file with no instructions");
  }

  private static String errorOf(String caseDir) throws IOException {
    String text = read(PeerData.resolve(caseDir).resolve("Dockerfile"));
    return catchThrowableOfType(
            DockerfileException.class, () -> AstParser.parse(text, "Dockerfile"))
        .getMessage();
  }

  private static List<Path> caseDirs(String name) throws IOException {
    try (Stream<Path> dirs = Files.list(PeerData.resolve(name))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
