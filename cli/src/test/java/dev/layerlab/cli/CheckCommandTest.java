package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code layerlab check} run through picocli as the launcher runs it, output captured. */
class CheckCommandTest {

  private static final Path SCENARIO = Path.of("..", "scenarios", "python-app");
  private static final Path NAIVE = SCENARIO.resolve("Dockerfile.naive");
  private static final Path DEPS_FIRST = SCENARIO.resolve("Dockerfile.deps-first");

  private static Schema sarifSchema;

  @TempDir Path tmp;

  /** Output of one run. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void loadSchema() throws Exception {
    // The official SARIF 2.1.0 schema, vendored from an MIT-licensed npm package
    // (see src/test/resources/sarif/NOTICE.md); the tests need no network.
    try (InputStream in =
        CheckCommandTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = LayerlabCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path dockerfile(String text) throws Exception {
    Path file = tmp.resolve("Dockerfile");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void naive_exits1_withOneLinePerFindingAndFix() {
    Run r = run("check", NAIVE.toString());

    assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out())
        .startsWith(NAIVE + ":10: LL001 warning: RUN pip install")
        .contains("\n  fix: copy requirements.txt first, run the install, then copy the rest\n")
        .contains("1 finding (0 error, 1 warning, 0 info); 1 at or above warning: failed");
  }

  @Test
  void depsFirst_exits0() {
    Run r = run("check", DEPS_FIRST.toString(), "-C", SCENARIO.toString());

    assertThat(r.exit()).as("stdout: %s stderr: %s", r.out(), r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("no findings");
  }

  @Test
  void thresholdAboveFindings_exits0() {
    assertThat(run("check", NAIVE.toString(), "--failure-threshold", "error").exit()).isZero();
    assertThat(run("check", NAIVE.toString(), "--failure-threshold", "none").exit()).isZero();
  }

  @Test
  void infoFindingsOnly_passAtTheDefaultThreshold_andFailAtInfo() {
    String f = DEPS_FIRST.toString();
    assertThat(run("check", f, "--builder", "buildkit").exit()).as("LL009 is info").isZero();
    assertThat(run("check", f, "--builder", "buildkit", "--failure-threshold", "info").exit())
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void missingDockerfile_exits2_withOneLine() {
    Run r = run("check", tmp.resolve("nope").toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("layerlab: ").contains("no such Dockerfile");
  }

  @Test
  void unparsableDockerfile_exits2() throws Exception {
    Run r = run("check", dockerfile("RUN echo no stage\n").toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("Dockerfile:1");
  }

  @Test
  void badOptionValues_exit2() {
    for (String[] args :
        List.of(
            new String[] {"check", NAIVE.toString(), "--format", "xml"},
            new String[] {"check", NAIVE.toString(), "--failure-threshold", "loud"},
            new String[] {"check", NAIVE.toString(), "--builder", "kaniko"},
            new String[] {"check", NAIVE.toString(), "-C", tmp.resolve("missing").toString()},
            new String[] {
              "check", NAIVE.toString(), "--config", tmp.resolve("none.yaml").toString()
            })) {
      Run r = run(args);
      assertThat(r.exit())
          .as("exit for %s: %s", List.of(args), r.err())
          .isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err().strip().lines()).as("one line for %s", List.of(args)).hasSize(1);
    }
  }

  @Test
  void configBesideDockerfile_ignoresAndRegrades() throws Exception {
    Path file = dockerfile("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n");
    Files.writeString(
        tmp.resolve(".layerlab.yaml"),
        "ignore: [LL005]\nseverity:\n  LL004: info\nfailure-threshold: warning\n");

    Run r = run("check", file.toString());

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("LL004 info").doesNotContain("LL005");
  }

  @Test
  void badConfig_exits2_namingFileAndLine() throws Exception {
    Path file = dockerfile("FROM debian:12\n");
    Path config = tmp.resolve("ci.yaml");
    Files.writeString(config, "ignore:\n  - LL042\n");

    Run r = run("check", file.toString(), "--config", config.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo(
            "layerlab: "
                + config
                + ":2: unknown rule id 'LL042'"
                + " (known: LL001, LL002, LL003, LL004, LL005, LL006, LL007, LL008, LL009, LL010)\n");
  }

  @Test
  void json_hasFindingsAndSummary() throws Exception {
    Run r = run("check", NAIVE.toString(), "--format", "json");

    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode f = root.get("findings").get(0);
    assertThat(f.get("ruleId").asText()).isEqualTo("LL001");
    assertThat(f.get("severity").asText()).isEqualTo("warning");
    assertThat(f.get("file").asText()).isEqualTo(NAIVE.toString());
    assertThat(f.get("line").asInt()).isEqualTo(10);
    assertThat(f.get("fix").asText()).startsWith("copy requirements.txt first");
    assertThat(root.get("summary").get("warning").asInt()).isEqualTo(1);
    assertThat(root.get("summary").get("passed").asBoolean()).isFalse();
    assertThat(root.get("rewritten").asText()).contains("COPY requirements.txt .");
  }

  @Test
  void markdown_isASummaryTable() {
    Run r = run("check", NAIVE.toString(), "--format", "markdown");

    assertThat(r.out())
        .startsWith("## layerlab check: `" + NAIVE + "`\n\n**Failed**: ")
        .contains("| 10 | LL001 | warning | RUN pip install")
        .contains("<details><summary>Rewritten Dockerfile</summary>");
  }

  @Test
  void sarif_isValidAgainstTheOfficialSchema_withRulesAndRegion() throws Exception {
    Path file = Files.createDirectories(Path.of("target", "check-test")).resolve("Dockerfile");
    Files.writeString(
        file,
        "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl \\\n    git\n"
            + "ADD https://example.com/x.tgz /opt/\n");

    Run r = run("check", file.toString(), "--format", "sarif");

    List<Error> errors = sarifSchema.validate(r.out(), InputFormat.JSON);
    assertThat(errors).as("schema errors in %s", r.out()).isEmpty();
    JsonNode run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("layerlab");
    assertThat(driver.get("rules")).hasSize(10);
    JsonNode rule = driver.get("rules").get(0);
    assertThat(rule.get("id").asText()).isEqualTo("LL001");
    assertThat(rule.get("defaultConfiguration").get("level").asText()).isEqualTo("warning");
    assertThat(rule.get("help").get("text").asText()).contains("Fix:");
    List<String> ids = new ArrayList<>();
    for (JsonNode res : run.get("results")) {
      ids.add(res.get("ruleId").asText());
      JsonNode loc = res.get("locations").get(0).get("physicalLocation");
      assertThat(loc.get("artifactLocation").get("uri").asText())
          .as("relative to the working directory")
          .isEqualTo("target/check-test/Dockerfile");
    }
    assertThat(ids).contains("LL004", "LL008");
    JsonNode apt =
        run.get("results").findParents("ruleId").stream()
            .filter(n -> n.get("ruleId").asText().equals("LL005"))
            .findFirst()
            .orElseThrow();
    JsonNode region = apt.get("locations").get(0).get("physicalLocation").get("region");
    assertThat(region.get("startLine").asInt()).isEqualTo(2);
  }

  @Test
  void sarif_ll001WithARewrite_carriesItAsAFix_validAgainstTheSchema() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "check-test-fix"));
    Path file = dir.resolve("Dockerfile");
    Files.writeString(dir.resolve("pom.xml"), "<project></project>\n");
    Files.writeString(
        file,
        "FROM maven:3.8-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -q -B package\n"
            + "RUN apt-get update\n");

    Run r = run("check", file.toString(), "--format", "sarif");

    assertThat(sarifSchema.validate(r.out(), InputFormat.JSON))
        .as("schema errors in %s", r.out())
        .isEmpty();
    JsonNode results = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results");
    JsonNode ll001 =
        results.findParents("ruleId").stream()
            .filter(n -> n.get("ruleId").asText().equals("LL001"))
            .findFirst()
            .orElseThrow();
    JsonNode fix = ll001.get("fixes").get(0);
    assertThat(fix.get("description").get("text").asText())
        .startsWith("line 3: added `COPY pom.xml .` and `RUN mvn -q -B dependency:go-offline`");
    JsonNode change = fix.get("artifactChanges").get(0);
    assertThat(change.get("artifactLocation").get("uri").asText())
        .isEqualTo("target/check-test-fix/Dockerfile");
    JsonNode replacement = change.get("replacements").get(0);
    JsonNode region = replacement.get("deletedRegion");
    assertThat(List.of(region.get("startLine").asInt(), region.get("startColumn").asInt()))
        .isEqualTo(List.of(3, 1));
    assertThat(List.of(region.get("endLine").asInt(), region.get("endColumn").asInt()))
        .as("an insertion deletes nothing")
        .isEqualTo(List.of(3, 1));
    assertThat(replacement.get("insertedContent").get("text").asText())
        .isEqualTo("COPY pom.xml .\nRUN mvn -q -B dependency:go-offline\n\n");
    assertThat(
            results.findParents("ruleId").stream()
                .filter(n -> !n.get("ruleId").asText().equals("LL001"))
                .filter(n -> n.has("fixes"))
                .toList())
        .as("only LL001 findings with a rewrite carry a fix")
        .isEmpty();
  }

  @Test
  void sarif_ofCleanFile_isValidWithNoResults() throws Exception {
    Run r = run("check", DEPS_FIRST.toString(), "--format", "sarif");

    assertThat(sarifSchema.validate(r.out(), InputFormat.JSON)).isEmpty();
    assertThat(new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results")).isEmpty();
  }

  @Test
  void schemaValidation_catchesABrokenLog() {
    // Guards the test itself: a log without runs must not pass.
    assertThat(sarifSchema.validate("{\"version\":\"2.1.0\"}", InputFormat.JSON)).isNotEmpty();
    assertThat(
            sarifSchema.validate(
                "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}}}]}", InputFormat.JSON))
        .as("driver without a name")
        .isNotEmpty();
  }

  @Test
  void output_writesTheReportToAFile() throws Exception {
    Path out = tmp.resolve("reports/layerlab.sarif");

    Run r = run("check", NAIVE.toString(), "--format", "sarif", "--output", out.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"ruleId\" : \"LL001\"");
  }

  @Test
  void rules_printsTheCatalog() {
    Run r = run("rules");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("LL001  warning").contains("LL010  info").contains("Fix: ");
    assertThat(run("rules", "--markdown").out()).startsWith("| id | severity | finds | fix |");
  }
}
