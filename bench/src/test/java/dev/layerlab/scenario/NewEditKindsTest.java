package dev.layerlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewEditKindsTest {

  @TempDir Path root;
  @TempDir Path scratchParent;

  private String edit(String file, String content) throws Exception {
    Files.createDirectories(root.resolve(file).toAbsolutePath().getParent());
    Files.writeString(root.resolve(file), content);
    ChangeApplier.apply(root, file, "tok-1");
    return Files.readString(root.resolve(file));
  }

  @Test
  void markdown_getsAnHtmlCommentLine() throws Exception {
    assertThat(edit("README.md", "# App\n")).isEqualTo("# App\n<!-- layerlab edit tok-1 -->\n");
  }

  @Test
  void goModAndGradleKotlinScripts_getSlashComments() throws Exception {
    assertThat(edit("go.mod", "module x\n")).isEqualTo("module x\n// layerlab edit tok-1\n");
    assertThat(edit("build.gradle.kts", "plugins {}\n"))
        .isEqualTo("plugins {}\n// layerlab edit tok-1\n");
    assertThat(edit("build.gradle", "plugins {}\n"))
        .isEqualTo("plugins {}\n// layerlab edit tok-1\n");
  }

  @Test
  void csproj_getsAnXmlComment() throws Exception {
    assertThat(edit("api/Api.csproj", "<Project>\n</Project>\n"))
        .isEqualTo("<Project>\n  <!-- layerlab edit tok-1 -->\n</Project>\n");
  }

  @Test
  void newPatterns_areKnownById() {
    assertThat(ChangePattern.byId("edit-docs")).contains(ChangePattern.EDIT_DOCS);
    assertThat(ChangePattern.byId("edit-git")).contains(ChangePattern.EDIT_GIT);
  }

  @Test
  void gitEdit_writesAValidLooseObject_andResetRemovesIt() throws Exception {
    Path project = root.resolve("p");
    Files.createDirectories(project.resolve(".git/objects/pack"));
    Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(project.resolve("app.py"), "print(1)\n");

    try (ScratchCopy copy = ScratchCopy.of(project, scratchParent, "t")) {
      List<Path> before = files(copy.root());

      copy.apply(ChangePattern.EDIT_GIT, ".git", "run-1-edit-git-1");

      List<Path> added = files(copy.root());
      added.removeAll(before);
      added.removeIf(p -> !Files.isRegularFile(copy.root().resolve(p)));
      assertThat(added).as("one new object file").hasSize(1);
      Path object = copy.root().resolve(added.get(0));
      String name = object.getParent().getFileName() + "" + object.getFileName();
      byte[] raw;
      try (InputStream in = new InflaterInputStream(Files.newInputStream(object))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        raw = out.toByteArray();
      }
      assertThat(new String(raw, StandardCharsets.UTF_8)).startsWith("blob ");
      assertThat(name)
          .as("named by the SHA-1 of its content, as git names objects")
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(raw)));

      copy.reset();
      assertThat(files(copy.root())).as("reset removes what the edit added").isEqualTo(before);
      assertThat(Files.exists(project.resolve(".git/objects").resolve(name.substring(0, 2))))
          .as("the project is not touched")
          .isFalse();
    }
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return new java.util.ArrayList<>(s.map(dir::relativize).sorted().toList());
    }
  }
}
