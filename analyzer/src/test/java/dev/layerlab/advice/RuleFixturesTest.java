package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One Dockerfile per case in {@code src/test/resources/rules}: its {@code # expect: LL00N lines}
 * header names the lines the rule must report ({@code none} for a negative case), and an optional
 * {@code # builder: buildkit} header picks the builder. Other rules' findings are not checked here.
 */
class RuleFixturesTest {

  private static final Path DIR = Path.of("src/test/resources/rules");
  private static final Pattern EXPECT = Pattern.compile("^# expect: (LL\\d{3}) (.+)$");

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void ruleReportsExactlyTheExpectedLines(Path fixture) throws Exception {
    String text = Files.readString(fixture, StandardCharsets.UTF_8);
    String rule = null;
    List<Integer> expected = new ArrayList<>();
    BuilderKind builder = BuilderKind.CLASSIC;
    for (String line : text.lines().toList()) {
      Matcher m = EXPECT.matcher(line);
      if (m.matches()) {
        rule = m.group(1);
        if (!m.group(2).equals("none")) {
          for (String n : m.group(2).split("[,\\s]+")) {
            expected.add(Integer.parseInt(n));
          }
        }
      }
      if (line.equals("# builder: buildkit")) {
        builder = BuilderKind.BUILDKIT;
      }
    }
    assertThat(rule).as("fixture %s has an # expect: header", fixture).isNotNull();

    Analysis analysis =
        Advisor.analyze(
            DockerfileParser.parse(text, fixture.getFileName().toString()),
            text,
            AdviceOptions.defaults(Optional.empty()).withBuilder(builder));

    String id = rule;
    List<Integer> lines =
        analysis.findings().stream().filter(f -> f.ruleId().equals(id)).map(Finding::line).toList();
    assertThat(lines)
        .as("%s lines reported for %s: %s", id, fixture, analysis.findings())
        .isEqualTo(expected);
  }
}
