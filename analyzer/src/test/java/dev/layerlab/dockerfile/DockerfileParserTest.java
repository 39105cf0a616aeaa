package dev.layerlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model built on top of the parse tree: stages, arguments, flags, heredocs and errors. */
class DockerfileParserTest {

  @TempDir Path tmp;

  private static Dockerfile parse(String text) throws DockerfileException {
    return DockerfileParser.parse(text, "Dockerfile");
  }

  private static DockerfileException failure(String text) {
    return catchThrowableOfType(DockerfileException.class, () -> parse(text));
  }

  private static Instruction last(Dockerfile file) {
    List<Instruction> all = file.instructions();
    return all.get(all.size() - 1);
  }

  @Test
  void escapeDirectiveWithBacktick_continuesLinesWithBacktick() throws Exception {
    Dockerfile file = parse("# escape=`\nFROM windows\nRUN dir c:\\ `\n  && echo done\n");

    assertThat(file.directives()).as("directives").containsExactly(new Directive("escape", "`", 1));
    assertThat(file.escapeToken()).as("escape token").isEqualTo('`');
    Instruction run = last(file);
    assertThat(run.args()).as("joined command").containsExactly("dir c:\\   && echo done");
    assertThat(run.startLine()).as("start line").isEqualTo(3);
    assertThat(run.endLine()).as("end line").isEqualTo(4);
  }

  @Test
  void directiveAfterAnInstruction_isAnOrdinaryComment() throws Exception {
    Dockerfile file = parse("FROM x\n# escape=`\nRUN a \\\n b\n");

    assertThat(file.directives()).as("directives").isEmpty();
    assertThat(last(file).args()).as("backslash still continues").containsExactly("a  b");
  }

  @Test
  void repeatedOrInvalidDirective_isAnErrorOnItsLine() {
    assertThat(failure("# escape=`\n# escape=\\\nFROM x").getMessage())
        .as("repeated escape")
        .isEqualTo("Dockerfile:2: only one escape parser directive can be used");
    assertThat(failure("# escape=x\nFROM x").detail())
        .as("invalid escape")
        .isEqualTo("invalid escape token 'x' does not match ` or \\");
  }

  @Test
  void syntaxAndCheckDirectives_areRecorded() throws Exception {
    Dockerfile file = parse("#syntax = docker/dockerfile:1  \n# check=skip=all\nFROM x\n");

    assertThat(file.directive("syntax")).as("syntax").contains("docker/dockerfile:1");
    assertThat(file.directive("check")).as("check").contains("skip=all");
  }

  @Test
  void byteOrderMark_isIgnoredOnTheFirstLine() throws Exception {
    Dockerfile file = parse("\uFEFF# syntax=a/b\nFROM alpine\n");

    assertThat(file.directive("syntax")).as("directive after BOM").contains("a/b");
    assertThat(file.stages().get(0).baseImage()).as("base image").isEqualTo("alpine");
  }

  @Test
  void lineOf65536Bytes_isRejectedLikeBuildkitsScanner() throws Exception {
    String ok = "FROM x\nLABEL a=" + "b".repeat(65535 - 8) + "\n";
    assertThat(parse(ok).instructions()).as("65535-byte line accepted").hasSize(2);

    DockerfileException e = failure("FROM x\nLABEL a=" + "b".repeat(65536 - 8) + "\n");

    assertThat(e.detail())
        .as("message")
        .isEqualTo("dockerfile line greater than max allowed size of 65535");
    assertThat(e.line()).as("line").isEqualTo(2);
  }

  @Test
  void severalHeredocsOnOneLine_areReadInOrder() throws Exception {
    Dockerfile file = parse("FROM x\nRUN <<A cat - <<B\nfirst\nA\nsecond\nB\nRUN true\n");

    Instruction run = file.stages().get(0).body().get(0);
    assertThat(run.heredocs())
        .as("heredocs")
        .containsExactly(
            new Heredoc("A", "first\n", true, false), new Heredoc("B", "second\n", true, false));
    assertThat(run.args()).as("command").containsExactly("<<A cat - <<B");
    assertThat(run.endLine()).as("end line includes bodies").isEqualTo(6);
    assertThat(last(file).startLine()).as("next instruction").isEqualTo(7);
  }

  @Test
  void chompingHeredoc_stripsLeadingTabsFromBodyAndTerminator() throws Exception {
    Dockerfile file = parse("FROM x\nCOPY <<-EOF /etc/conf\n\t\tkey=1\n\tEOF\n");

    Heredoc doc = last(file).heredocs().get(0);
    assertThat(doc.chomp()).as("chomp").isTrue();
    assertThat(doc.content()).as("raw body").isEqualTo("\t\tkey=1\n");
    assertThat(doc.effectiveContent()).as("body as built").isEqualTo("key=1\n");
  }

  @Test
  void heredocWithQuotedDelimiter_isNotExpanded() throws Exception {
    Dockerfile file = parse("FROM x\nRUN <<'EOF' bash\necho $HOME\nEOF\nRUN <<E\"O\"F\nx\nEOF\n");

    List<Instruction> body = file.stages().get(0).body();
    assertThat(body.get(0).heredocs().get(0))
        .as("single quotes")
        .isEqualTo(new Heredoc("EOF", "echo $HOME\n", false, false));
    assertThat(body.get(1).heredocs().get(0).expand()).as("partly quoted").isFalse();
  }

  @Test
  void heredocMarkers_onlyCountForRunCopyAndAddInShellForm() throws Exception {
    Dockerfile file =
        parse("FROM x\nRUN [\"cat\", \"<<EOF\"]\nLABEL a=<<EOF\nRUN echo \"<<EOF\"\n");

    assertThat(file.instructions())
        .as("no heredoc anywhere")
        .allSatisfy(i -> assertThat(i.heredocs()).isEmpty());
  }

  @Test
  void unterminatedHeredoc_isAnErrorAtTheInstruction() {
    DockerfileException e = failure("FROM x\nRUN <<EOF\nnever closed\n");

    assertThat(e.line()).as("line").isEqualTo(2);
    assertThat(e.detail()).as("message").startsWith("unterminated heredoc");
  }

  @Test
  void buildFlags_areKeptRawAndReadableByName() throws Exception {
    Dockerfile file =
        parse(
            "FROM x\n"
                + "RUN --mount=type=cache,target=/root/.m2 --mount=type=secret,id=t --network=none mvn -q\n"
                + "COPY --link --chmod=755 --parents --exclude=*.md --exclude=docs src/ /app/\n"
                + "COPY --from=build -- --odd /dst\n");

    List<Instruction> body = file.stages().get(0).body();
    Instruction run = body.get(0);
    assertThat(run.flagValues("mount"))
        .as("repeated mounts")
        .containsExactly("type=cache,target=/root/.m2", "type=secret,id=t");
    assertThat(run.flag("network")).as("network").contains("none");
    assertThat(run.args()).as("command").containsExactly("mvn -q");
    Instruction copy = body.get(1);
    assertThat(copy.flag("link")).as("bare flag").contains("");
    assertThat(copy.flag("chmod")).as("chmod").contains("755");
    assertThat(copy.flag("parents")).as("parents").isPresent();
    assertThat(copy.flagValues("exclude")).as("excludes").containsExactly("*.md", "docs");
    assertThat(copy.flag("from")).as("absent flag").isEmpty();
    assertThat(copy.args()).as("sources and destination").containsExactly("src/", "/app/");
    assertThat(body.get(2).flags()).as("-- ends the flags").containsExactly("--from=build");
    assertThat(body.get(2).args()).as("args after --").containsExactly("--odd", "/dst");
  }

  @Test
  void onbuild_carriesTheTriggerKeywordAndArguments() throws Exception {
    Dockerfile file = parse("FROM x\nONBUILD RUN [\"make\", \"all\"]\nONBUILD copy . /src\n");

    List<Instruction> body = file.stages().get(0).body();
    assertThat(body.get(0).args()).as("json trigger").containsExactly("RUN", "make", "all");
    assertThat(body.get(0).jsonForm()).as("trigger json form").isTrue();
    assertThat(body.get(1).args()).as("shell trigger").containsExactly("copy", ".", "/src");
    assertThat(failure("FROM x\nONBUILD ONBUILD RUN x").detail())
        .as("chained ONBUILD")
        .isEqualTo("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  }

  @Test
  void healthcheck_splitsTypeFromCommand() throws Exception {
    Dockerfile file =
        parse(
            "FROM x\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/\nHEALTHCHECK NONE\n");

    List<Instruction> body = file.stages().get(0).body();
    assertThat(body.get(0).flag("interval")).as("interval").contains("30s");
    assertThat(body.get(0).args()).as("cmd").containsExactly("CMD", "curl -f http://localhost/");
    assertThat(body.get(1).args()).as("none").containsExactly("NONE");
  }

  @Test
  void multiStageFile_numbersAndNamesStages() throws Exception {
    Dockerfile file =
        parse(
            "FROM maven:3 AS Build\nRUN mvn package\nFROM build as test\nFROM eclipse-temurin:17\nCOPY --from=build /a /b\n");

    assertThat(file.stages()).as("stages").extracting(Stage::index).containsExactly(0, 1, 2);
    assertThat(file.stages())
        .as("names")
        .extracting(Stage::name)
        .containsExactly(Optional.of("build"), Optional.of("test"), Optional.empty());
    assertThat(file.stages())
        .as("base images")
        .extracting(Stage::baseImage)
        .containsExactly("maven:3", "build", "eclipse-temurin:17");
    assertThat(file.stage("BUILD")).as("lookup by name").map(Stage::index).contains(0);
    assertThat(file.stages().get(0).body())
        .as("first stage body")
        .extracting(Instruction::keyword)
        .containsExactly("RUN");
  }

  @Test
  void argsBeforeFirstFrom_areGlobalArgs() throws Exception {
    Dockerfile file = parse("ARG BASE=alpine\nARG TAG\nFROM ${BASE}:${TAG}\nARG TAG\n");

    assertThat(file.globalArgs())
        .as("global args")
        .extracting(Instruction::args)
        .containsExactly(List.of("BASE=alpine"), List.of("TAG"));
    assertThat(file.stages().get(0).baseImage()).as("unexpanded base").isEqualTo("${BASE}:${TAG}");
    assertThat(file.instructions())
        .as("file order")
        .extracting(Instruction::keyword)
        .containsExactly("ARG", "ARG", "FROM", "ARG");
  }

  @Test
  void instructionBeforeFirstFrom_isRejected() {
    DockerfileException e = failure("RUN echo hi\nFROM x\n");

    assertThat(e.line()).as("line").isEqualTo(1);
    assertThat(e.detail()).as("message").startsWith("no build stage in current context");
  }

  @Test
  void unknownInstruction_isRejectedWithItsSpelling() {
    assertThat(failure("FROM x\nFOO bar\n").getMessage())
        .as("message")
        .isEqualTo("Dockerfile:2: unknown instruction: FOO");
  }

  @Test
  void envForms_becomeNameValueSeparatorTriples() throws Exception {
    Dockerfile file = parse("FROM x\nENV A=1 B=\"two words\"\nENV LEGACY value with spaces\n");

    List<Instruction> body = file.stages().get(0).body();
    assertThat(body.get(0).args())
        .as("modern")
        .containsExactly("A", "1", "=", "B", "\"two words\"", "=");
    assertThat(body.get(1).args()).as("legacy").containsExactly("LEGACY", "value with spaces", "");
  }

  @Test
  void emptyContinuationLines_produceWarnings() throws Exception {
    String text =
        "FROM alpine:3.6\n\nRUN something \\\n\n    following \\\n\n    more\n\nRUN another \\\n\n    thing\n"
            + "RUN non-indented \\\n# this is a comment\n   after-comment\n\nRUN indented \\\n"
            + "    # this is an indented comment\n   comment\n";

    Dockerfile file = parse(text);

    assertThat(file.warnings()).as("warnings").hasSize(2);
    assertThat(file.warnings().get(0).message())
        .as("first")
        .contains("RUN something     following     more");
  }

  @Test
  void crlfLineEndings_areHandledLikeLf() throws Exception {
    Dockerfile file = parse("FROM x\r\nRUN a \\\r\n b\r\nCOPY <<EOF /f\r\nhi\r\nEOF\r\n");

    List<Instruction> body = file.stages().get(0).body();
    assertThat(body.get(0).args()).as("continued").containsExactly("a  b");
    assertThat(body.get(1).heredocs().get(0).content()).as("body keeps CRLF").isEqualTo("hi\r\n");
  }

  @Test
  void jsonForms_followBuildkitsFallbackRules() throws Exception {
    Dockerfile file =
        parse("FROM x\nCMD [\"a\", \"b c\"]\nCMD [\"a\"] trailing\nENTRYPOINT [\"a\", 1e999]\n");

    List<Instruction> body = file.stages().get(0).body();
    assertThat(body.get(0).jsonForm()).as("json").isTrue();
    assertThat(body.get(0).args()).as("json args").containsExactly("a", "b c");
    assertThat(body.get(1).jsonForm()).as("trailing text means shell form").isFalse();
    assertThat(body.get(2).args())
        .as("overflowing number means shell form")
        .containsExactly("[\"a\", 1e999]");
    assertThat(failure("FROM x\nCMD [\"a\", 1]\n").detail())
        .as("non-string element")
        .isEqualTo(LineParsers.NOT_STRING_ARRAY);
  }

  @Test
  void invalidUtf8Bytes_areReportedWithTheirLine() throws Exception {
    Path file = tmp.resolve("Dockerfile");
    byte[] head = "FROM x\nRUN echo ".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = '\n';
    Files.write(file, bytes);

    DockerfileException e =
        catchThrowableOfType(DockerfileException.class, () -> DockerfileParser.parse(file));

    assertThat(e.line()).as("line").isEqualTo(2);
    assertThat(e.detail()).as("message").contains("invalid UTF-8 byte 0xff at column 10");
    assertThat(e.source()).as("source").isEqualTo(file.toString());
  }

  @Test
  void binaryGarbage_isADockerfileErrorNotACrash() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      byte[] bytes = new byte[1 + random.nextInt(4096)];
      random.nextBytes(bytes);
      Path file = tmp.resolve("garbage" + round);
      Files.write(file, bytes);

      assertThat(
              catchThrowableOfType(DockerfileException.class, () -> DockerfileParser.parse(file)))
          .as("error for garbage round %d", round)
          .isNotNull();
    }
    assertThat(failure("\u0001\u0002\u0003 zz\n").detail())
        .as("valid UTF-8 garbage")
        .startsWith("unknown instruction");
  }

  @Test
  void missingFile_isADockerfileErrorWithoutLine() {
    DockerfileException e =
        catchThrowableOfType(
            DockerfileException.class, () -> DockerfileParser.parse(tmp.resolve("nope")));

    assertThat(e.line()).as("line").isZero();
    assertThat(e.getMessage())
        .as("message")
        .startsWith(tmp.resolve("nope") + ": cannot read the file");
  }
}
