package dev.layerlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Word splitting and parse-tree details below the model, compared with BuildKit's behaviour. */
class LineParsersTest {

  @Test
  void parseWords_keepsQuotesAndEscapesInsideWords() {
    LineParsers parsers = new LineParsers('\\');
    Map<String, List<String>> cases =
        Map.of(
            "foo", List.of("foo"),
            "foo bar", List.of("foo", "bar"),
            "foo\\ bar", List.of("foo\\ bar"),
            "foo=bar", List.of("foo=bar"),
            "foo bar 'abc xyz'", List.of("foo", "bar", "'abc xyz'"),
            "foo bar \"abc xyz\"", List.of("foo", "bar", "\"abc xyz\""),
            "àöû", List.of("àöû"),
            "föo bàr \"âbc xÿz\"", List.of("föo", "bàr", "\"âbc xÿz\""));

    cases.forEach(
        (input, words) ->
            assertThat(parsers.parseWords(input)).as("words of %s", input).isEqualTo(words));
  }

  @Test
  void onbuildWithHeredoc_attachesBodyToTheOnbuildNode() throws Exception {
    ParsedAst ast =
        AstParser.parse("FROM x\nONBUILD RUN --network=none <<EOF\necho hi\nEOF\n", "Dockerfile");

    Node onbuild = ast.root().children().get(1);
    assertThat(onbuild.dump()).as("dump").isEqualTo("onbuild (run [\"--network=none\"] \"<<EOF\")");
    assertThat(onbuild.heredocs())
        .as("heredocs")
        .containsExactly(new Heredoc("EOF", "echo hi\n", true, false));
    assertThat(onbuild.endLine()).as("end line").isEqualTo(4);
  }

  @Test
  void dump_quotesValuesLikeGoStrconvQuote() throws Exception {
    ParsedAst ast =
        AstParser.parse(
            "RUN [\"tab\\there\", \"nul\\u0000\", \"é☃\", \"\\u00a0\"]\n", "Dockerfile");

    assertThat(ast.dump())
        .as("dump")
        .isEqualTo("(run \"tab\\there\" \"nul\\x00\" \"é☃\" \"\\u00a0\")");
  }

  @Test
  void unknownInstruction_dumpsWithAnEmptyValueLikeBuildkit() throws Exception {
    assertThat(AstParser.parse("FOO bar baz\n", "Dockerfile").dump())
        .as("dump")
        .isEqualTo("(foo \"\")");
  }
}
