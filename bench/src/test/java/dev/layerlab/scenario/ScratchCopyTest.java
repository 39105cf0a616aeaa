package dev.layerlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCopyTest {

  @TempDir Path project;
  @TempDir Path scratchParent;

  @Test
  void changesApplyToTheCopyOnly_andResetRestoresTheExactBytes() throws Exception {
    Files.createDirectories(project.resolve("utils"));
    Files.writeString(project.resolve("utils/helpers.py"), "def f():\n    return 1");
    byte[] original = Files.readAllBytes(project.resolve("utils/helpers.py"));

    Path copied;
    try (ScratchCopy copy = ScratchCopy.of(project, scratchParent, "t")) {
      copied = copy.root();
      copy.apply(ChangePattern.EDIT_SOURCE, "utils/helpers.py", "tok-1");

      assertThat(Files.readString(copied.resolve("utils/helpers.py")))
          .endsWith("return 1\n# layerlab edit tok-1\n");
      assertThat(Files.readAllBytes(project.resolve("utils/helpers.py")))
          .as("the project itself is never modified")
          .isEqualTo(original);

      copy.reset();
      assertThat(Files.readAllBytes(copied.resolve("utils/helpers.py"))).isEqualTo(original);
    }
    assertThat(copied).as("closing deletes the copy").doesNotExist();
  }

  @Test
  void noChange_leavesEveryFileAlone() throws Exception {
    Files.writeString(project.resolve("a.py"), "x = 1\n");
    try (ScratchCopy copy = ScratchCopy.of(project, scratchParent, "t")) {
      copy.apply(ChangePattern.NO_CHANGE, null, "tok");
      assertThat(Files.readString(copy.root().resolve("a.py"))).isEqualTo("x = 1\n");
    }
  }

  @Test
  void jsCommentsUseSlashes() {
    assertThat(ChangeApplier.commentPrefix("src/index.js")).contains("//");
    assertThat(ChangeApplier.commentPrefix("requirements.txt")).contains("#");
    assertThat(ChangeApplier.commentPrefix("data.json"))
        .as("JSON takes a key, not a comment")
        .isEmpty();
  }
}
