package dev.layerlab.dockerfile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the input, the parser returns a model or a DockerfileException, and never hangs. */
class ParserPropertiesTest {

  private static final Duration LIMIT = Duration.ofSeconds(10);

  private static final List<String> KEYWORDS =
      List.of(
          "FROM",
          "RUN",
          "CMD",
          "COPY",
          "ADD",
          "ENV",
          "ARG",
          "LABEL",
          "ONBUILD",
          "HEALTHCHECK",
          "SHELL",
          "EXPOSE",
          "VOLUME",
          "WORKDIR",
          "USER",
          "STOPSIGNAL",
          "MAINTAINER",
          "ENTRYPOINT",
          "from",
          "onbuild ONBUILD",
          "FOO",
          "#",
          "# escape=`",
          "# syntax=x",
          "");

  private static final List<String> PIECES =
      List.of(
          " ",
          "\t",
          "\\",
          "`",
          "<<EOF",
          "<<-EOF",
          "<<'EOF'",
          "EOF",
          "\tEOF",
          "\"",
          "'",
          "[",
          "]",
          "[\"a\", \"b\"]",
          "[1]",
          "--mount=type=cache",
          "--",
          "--from=x",
          "a=b",
          "=",
          "${a:-b}",
          "$x",
          "#",
          "AS",
          "name",
          "\r",
          "\u00a0",
          "\uFEFF",
          "é",
          "{",
          "}",
          "\\\\",
          ",");

  @Property(tries = 300)
  void anyText_parsesOrFailsWithDockerfileException(@ForAll String text) {
    assertTimeoutPreemptively(LIMIT, () -> parseQuietly(text));
  }

  @Property(tries = 500)
  void lineStructuredDockerfiles_parseOrFailWithDockerfileException(
      @ForAll("dockerfiles") String text) {
    assertTimeoutPreemptively(LIMIT, () -> parseQuietly(text));
  }

  @Property(tries = 100)
  void anyBytes_parseOrFailWithDockerfileException(@ForAll @Size(max = 2000) byte[] bytes)
      throws Exception {
    Path file = Files.createTempFile("layerlab-prop", ".Dockerfile");
    try {
      Files.write(file, bytes);
      assertTimeoutPreemptively(
          LIMIT,
          () -> {
            try {
              DockerfileParser.parse(file);
            } catch (DockerfileException expected) {
              // A rejected file is a valid outcome; any other exception fails the property.
            }
          });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<String> dockerfiles() {
    Arbitrary<String> line =
        Arbitraries.of(KEYWORDS)
            .flatMap(
                keyword ->
                    Arbitraries.of(PIECES)
                        .list()
                        .ofMaxSize(12)
                        .map(pieces -> keyword + " " + String.join("", pieces)));
    return line.list().ofMaxSize(25).map(lines -> String.join("\n", lines));
  }

  private static void parseQuietly(String text) {
    try {
      DockerfileParser.parse(text, "Dockerfile");
    } catch (DockerfileException expected) {
      // A rejected file is a valid outcome; any other exception fails the property.
    }
  }
}
