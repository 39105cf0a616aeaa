package dev.layerlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlab.scenario.ChangeApplier.EditKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChangeApplierTest {

  @TempDir Path root;

  private String edit(String file, String content, String token) throws IOException {
    Files.createDirectories(root.resolve(file).getParent());
    Files.writeString(root.resolve(file), content);
    byte[] before = ChangeApplier.apply(root, file, token);
    assertThat(new String(before, StandardCharsets.UTF_8))
        .as("apply returns the content to restore")
        .isEqualTo(content);
    return Files.readString(root.resolve(file));
  }

  @Test
  void sourceFile_getsACommentLine() throws Exception {
    assertThat(edit("src/app.js", "run();", "tok-1")).isEqualTo("run();\n// layerlab edit tok-1\n");
  }

  @Test
  void packageJson_getsAKeyInItsOwnLayout_andStaysTheSameManifest() throws Exception {
    String manifest =
        "{\n  \"name\": \"node-app\",\n  \"dependencies\": {\n    \"express\": \"4.21.2\"\n  }\n}\n";

    String edited = edit("package.json", manifest, "run-1-naive-edit-deps-1");

    assertThat(edited)
        .isEqualTo(
            "{\n  \"name\": \"node-app\",\n  \"dependencies\": {\n    \"express\": \"4.21.2\"\n"
                + "  },\n  \"//layerlab-edit\": \"run-1-naive-edit-deps-1\"\n}\n");
    JsonNode node = new ObjectMapper().readTree(edited);
    assertThat(node.get("dependencies")).as("dependencies untouched").hasSize(1);
    assertThat(node.get("//layerlab-edit").asText()).isEqualTo("run-1-naive-edit-deps-1");
  }

  @Test
  void jsonOnOneLine_staysOnOneLine() throws Exception {
    assertThat(edit("a.json", "{\"port\":0}", "t"))
        .isEqualTo("{\"port\":0, \"//layerlab-edit\": \"t\" }");
  }

  @Test
  void emptyJsonObject_getsTheKeyWithoutAComma() throws Exception {
    String edited = edit("config/empty.json", "{\n}\n", "t");

    assertThat(edited).isEqualTo("{\n  \"//layerlab-edit\": \"t\"\n}\n");
    assertThat(new ObjectMapper().readTree(edited).size()).isEqualTo(1);
  }

  @Test
  void jsonToken_isEscaped() throws Exception {
    String edited = edit("a.json", "{\"a\": 1}\n", "say \"hi\" \\o/");

    assertThat(new ObjectMapper().readTree(edited).get("//layerlab-edit").asText())
        .isEqualTo("say \"hi\" \\o/");
  }

  @Test
  void tabIndentedJson_keepsTabs() throws Exception {
    assertThat(edit("a.json", "{\n\t\"a\": 1\n}", "t"))
        .isEqualTo("{\n\t\"a\": 1,\n\t\"//layerlab-edit\": \"t\"\n}");
  }

  @Test
  void jsonArray_cannotBeEdited_andIsLeftAlone() throws Exception {
    Files.writeString(root.resolve("list.json"), "[1, 2]\n");

    assertThat(ChangeApplier.whyNotEditable(root, "list.json"))
        .hasValueSatisfying(why -> assertThat(why).contains("top level is array, not an object"));
    assertThatThrownBy(() -> ChangeApplier.apply(root, "list.json", "t"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("list.json");
    assertThat(Files.readString(root.resolve("list.json"))).isEqualTo("[1, 2]\n");
  }

  @Test
  void brokenJson_isNamedAsSuch() throws Exception {
    Files.writeString(root.resolve("bad.json"), "{\"a\": 1,}\n");
    Files.writeString(root.resolve("two.json"), "{} {}\n");

    assertThat(ChangeApplier.whyNotEditable(root, "bad.json"))
        .hasValueSatisfying(why -> assertThat(why).contains("not valid JSON"));
    assertThat(ChangeApplier.whyNotEditable(root, "two.json"))
        .as("trailing content after the object")
        .hasValueSatisfying(why -> assertThat(why).contains("not valid JSON"));
  }

  @Test
  void pomXml_getsACommentBeforeTheClosingRootTag() throws Exception {
    String pom = "<?xml version=\"1.0\"?>\n<project>\n  <artifactId>app</artifactId>\n</project>\n";

    String edited = edit("pom.xml", pom, "run-1-naive-edit-deps-1");

    assertThat(edited)
        .isEqualTo(
            "<?xml version=\"1.0\"?>\n<project>\n  <artifactId>app</artifactId>\n"
                + "  <!-- layerlab edit run-1-naive-edit-deps-1 -->\n</project>\n");
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(root.resolve("pom.xml").toFile());
    assertThat(doc.getDocumentElement().getTextContent()).isEqualToIgnoringWhitespace("app");
  }

  @Test
  void xmlOnOneLine_getsTheCommentInline() throws Exception {
    assertThat(edit("a.xml", "<a><b/></a>", "t")).isEqualTo("<a><b/><!-- layerlab edit t --></a>");
  }

  @Test
  void xmlEndingWithoutAClosingTag_getsTheCommentAtTheEnd() throws Exception {
    assertThat(edit("a.xml", "<a/>\n", "t")).isEqualTo("<a/>\n<!-- layerlab edit t -->\n");
    assertThat(edit("b.xml", "<a></a>\n<!-- end -->", "t"))
        .isEqualTo("<a></a>\n<!-- end -->\n<!-- layerlab edit t -->\n");
  }

  @Test
  void xmlToken_neverCarriesADoubleHyphen() throws Exception {
    String edited = edit("a.xml", "<a></a>", "x--y---z");

    assertThat(edited).isEqualTo("<a><!-- layerlab edit x- -y- - -z --></a>");
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(root.resolve("a.xml").toFile()); // well-formed
  }

  @Test
  void editKinds_byFileName() {
    assertThat(ChangeApplier.editKind("requirements.txt")).contains(EditKind.LINE_COMMENT);
    assertThat(ChangeApplier.editKind("Dockerfile.naive")).contains(EditKind.LINE_COMMENT);
    assertThat(ChangeApplier.editKind("package.json")).contains(EditKind.JSON_KEY);
    assertThat(ChangeApplier.editKind("config/Settings.JSON")).contains(EditKind.JSON_KEY);
    assertThat(ChangeApplier.editKind("pom.xml")).contains(EditKind.XML_COMMENT);
    assertThat(ChangeApplier.editKind("image.png")).isEmpty();
    assertThat(ChangeApplier.editKind("Makefile")).isEmpty();
  }
}
