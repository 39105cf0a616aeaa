package dev.layerlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rows of buildkit-instructions-cases.tsv that concern the parser and the checks layerlab makes
 * on each instruction. Rows about BuildKit's later instruction structures (hand-built parse trees,
 * doc comments, duration parsing of single flags, JSON argument joining) cannot be expressed as
 * Dockerfile text here; they are counted as not applicable.
 */
class BuildkitInstructionCasesTest {

  private record Row(String test, String dockerfile, String kind, String expected) {}

  @Test
  void instructionCases_parserLayerRowsAgreeWithBuildkit() throws IOException {
    List<String> lines =
        Files.readAllLines(
            PeerData.resolve("buildkit-instructions-cases.tsv"), StandardCharsets.UTF_8);
    int applicable = 0;
    int notApplicable = 0;
    List<String> failures = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Row row = new Row(f[0], f[1], f[2], f[3]);
      if (!isApplicable(row)) {
        notApplicable++;
        continue;
      }
      applicable++;
      String problem = check(row, decodeJsonString(row.dockerfile));
      if (problem != null) {
        failures.add(row.test + " " + row.dockerfile + ": " + problem);
      }
    }
    System.out.printf(
        "buildkit instruction cases: %d/%d applicable passed, %d not applicable (of %d rows)%n",
        applicable - failures.size(), applicable, notApplicable, applicable + notApplicable);
    assertThat(applicable + notApplicable).as("rows in the table").isEqualTo(47);
    assertThat(failures).as("applicable rows that disagree").isEmpty();
  }

  private static boolean isApplicable(Row row) {
    return row.dockerfile.startsWith("\"")
        && !row.dockerfile.startsWith("\"(hand-built AST)")
        && !row.test.startsWith("TestHandleJSONArgs")
        && !row.test.equals("TestParseOptInterval")
        && !row.test.equals("TestCommentsDetection");
  }

  /** Parses the first instruction and checks it as BuildKit's ParseInstruction would. */
  private static String check(Row row, String dockerfile) {
    Instruction in;
    String error;
    try {
      Node node = AstParser.parse(dockerfile, "Dockerfile").root().children().get(0);
      in = DockerfileParser.toInstruction(node);
      error = InstructionRules.check(in, node.original().trim().split("\\s+", 2)[0]);
    } catch (DockerfileException e) {
      in = null;
      error = e.detail();
    }
    if (row.kind.equals("error") || row.kind.equals("error-contains")) {
      if (error == null) {
        return "expected error " + row.expected + " but parsed";
      }
      boolean ok =
          row.kind.equals("error") ? error.equals(row.expected) : error.contains(row.expected);
      return ok ? null : "error was: " + error;
    }
    if (error != null) {
      return "unexpected error: " + error;
    }
    String actual = render(row.test, in);
    return actual.equals(row.expected) ? null : "got " + actual;
  }

  /** Renders the fields the Go test compares, in the table's JSON layout. */
  private static String render(String test, Instruction in) {
    switch (test) {
      case "TestRunCmdFlagsUsed" -> {
        List<String> names = in.flags().stream().map(f -> f.substring(2).split("=", 2)[0]).toList();
        return "{\"FlagsUsed\": " + list(names) + "}";
      }
      case "TestCopyHeredoc" -> {
        List<String> args = in.args();
        List<String> sources = new ArrayList<>();
        for (String arg : args.subList(0, args.size() - 1)) {
          if (HeredocWords.parseLenient(arg).isEmpty()) {
            sources.add(arg);
          }
        }
        StringBuilder sb =
            new StringBuilder("{\"DestPath\": ").append(q(args.get(args.size() - 1)));
        if (!sources.isEmpty()) {
          sb.append(", \"SourcePaths\": ").append(list(sources));
        }
        if (in.hasHeredocs()) {
          String docs =
              in.heredocs().stream()
                  .map(
                      h ->
                          "{\"Path\": "
                              + q(h.name())
                              + ", \"Data\": "
                              + q(h.effectiveContent())
                              + ", \"Expand\": "
                              + h.expand()
                              + "}")
                  .collect(Collectors.joining(", ", "[", "]"));
          sb.append(", \"SourceContents\": ").append(docs);
        }
        return sb.append("}").toString();
      }
      case "TestRunHeredoc" -> {
        String files =
            in.hasHeredocs()
                ? in.heredocs().stream()
                    .map(
                        h ->
                            "{\"Name\": "
                                + q(h.name())
                                + ", \"Data\": "
                                + q(h.content())
                                + (h.chomp() ? ", \"Chomp\": true" : "")
                                + "}")
                    .collect(Collectors.joining(", ", "[", "]"))
                : "null";
        return "{\"PrependShell\": "
            + !in.jsonForm()
            + ", \"CmdLine\": "
            + list(in.args())
            + ", \"Files\": "
            + files
            + "}";
      }
      default -> {
        return "(no renderer for " + test + ")";
      }
    }
  }

  private static String list(List<String> values) {
    return values.stream()
        .map(BuildkitInstructionCasesTest::q)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String decodeJsonString(String json) {
    JsonStringArray.Result result = JsonStringArray.decode("[" + json + "]");
    assertThat(result.outcome())
        .as("JSON string %s", json)
        .isEqualTo(JsonStringArray.Outcome.STRINGS);
    return result.values().get(0);
  }
}
