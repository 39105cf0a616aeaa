package dev.layerlab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.ImageConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class ImageComparatorTest {

  private static final ImageConfig CONFIG =
      new ImageConfig(
          List.of("python", "main.py"),
          List.of(),
          List.of("PATH=/usr/local/bin:/usr/bin"),
          "/app",
          "",
          List.of("8000/tcp"));

  /** A tar stream as {@code docker export} writes it, built entry by entry. */
  private static final class Tar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

    Tar dir(String name, int mode) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name + "/");
      e.setMode(040000 | mode);
      out.putArchiveEntry(e);
      out.closeArchiveEntry();
      return this;
    }

    Tar file(String name, String content, int mode, int uid, int gid) throws IOException {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(0100000 | mode);
      e.setSize(data.length);
      e.setUserId(uid);
      e.setGroupId(gid);
      out.putArchiveEntry(e);
      out.write(data);
      out.closeArchiveEntry();
      return this;
    }

    Tar file(String name, String content) throws IOException {
      return file(name, content, 0644, 0, 0);
    }

    Tar symlink(String name, String target) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(target);
      out.putArchiveEntry(e);
      out.closeArchiveEntry();
      return this;
    }

    Map<String, FileEntry> read() throws IOException {
      out.close();
      return FileSystemReader.read(new ByteArrayInputStream(bytes.toByteArray()));
    }
  }

  private static Tar base() throws IOException {
    return new Tar()
        .dir("app", 0755)
        .file("app/main.py", "print('hi')\n")
        .file("app/requirements.txt", "flask\n")
        .symlink("usr/bin/python", "python3.11");
  }

  private static Comparison compare(Map<String, FileEntry> a, Map<String, FileEntry> b) {
    return ImageComparator.compare(a, b, CONFIG, CONFIG, ExpectedDifferences.none());
  }

  @Test
  void identicalStreams_areTheSameImage_andEveryEntryIsCounted() throws Exception {
    Comparison c = compare(base().read(), base().read());

    assertThat(c.sameImage()).isTrue();
    assertThat(c.differences()).isEmpty();
    assertThat(c.filesCompared()).as("app, two files, one link").isEqualTo(4);
  }

  @Test
  void pathsAreNormalized_whateverPrefixTheTarUses() throws Exception {
    Map<String, FileEntry> dotted = new Tar().file("./app/x", "1").dir("./app", 0755).read();

    assertThat(dotted).containsOnlyKeys("/app/x", "/app");
  }

  @Test
  void contentModeOwnerAndLinkTarget_areEachReported() throws Exception {
    Map<String, FileEntry> original =
        new Tar()
            .file("app/a", "same", 0644, 0, 0)
            .file("app/b", "one", 0644, 0, 0)
            .file("app/c", "same", 0644, 0, 0)
            .file("app/d", "same", 0644, 0, 0)
            .symlink("app/e", "a")
            .read();
    Map<String, FileEntry> rewrite =
        new Tar()
            .file("app/a", "same", 0644, 0, 0)
            .file("app/b", "two", 0644, 0, 0)
            .file("app/c", "same", 0755, 0, 0)
            .file("app/d", "same", 0644, 1000, 1000)
            .symlink("app/e", "b")
            .read();

    Comparison c = compare(original, rewrite);

    assertThat(c.sameImage()).isFalse();
    assertThat(c.differences())
        .extracting(Difference::oneLine)
        .containsExactly(
            "/app/b: content differs",
            "/app/c: mode 0644 -> 0755",
            "/app/d: owner 0:0 -> 1000:1000",
            "/app/e: link a -> b");
  }

  @Test
  void entriesOnOneSideOnly_areReported() throws Exception {
    Map<String, FileEntry> original = base().file("app/old.txt", "x").read();
    Map<String, FileEntry> rewrite = base().file("app/new.txt", "x").read();

    assertThat(compare(original, rewrite).unexpected())
        .extracting(Difference::oneLine)
        .containsExactly("/app/new.txt: only in the rewrite", "/app/old.txt: only in the original");
  }

  @Test
  void configurationDifferences_nameTheField() throws Exception {
    ImageConfig other =
        new ImageConfig(
            List.of("python", "app.py"), List.of(), CONFIG.env(), "/", "app", List.of());

    Comparison c =
        ImageComparator.compare(
            base().read(), base().read(), CONFIG, other, ExpectedDifferences.none());

    assertThat(c.differences())
        .extracting(Difference::where)
        .containsExactly("config.Cmd", "config.WorkingDir", "config.User", "config.ExposedPorts");
    assertThat(c.differences().get(0).what()).isEqualTo("[python, main.py] -> [python, app.py]");
  }

  @Test
  void pathsTheNewDockerignoreExcludes_areExpected_andDoNotFail() throws Exception {
    Map<String, FileEntry> original =
        base()
            .dir("app/.git", 0755)
            .file("app/.git/HEAD", "ref")
            .file("app/Dockerfile", "a")
            .read();
    Map<String, FileEntry> rewrite = base().file("app/Dockerfile", "b").read();
    ExpectedDifferences expected =
        new ContextExclusions(Set.of(".git", ".git/HEAD"), Set.of("Dockerfile"));

    Comparison c = ImageComparator.compare(original, rewrite, CONFIG, CONFIG, expected);

    assertThat(c.sameImage()).as("only expected differences").isTrue();
    assertThat(c.expected())
        .extracting(Difference::oneLine)
        .containsExactly(
            "/app/.git: only in the original (expected: the rewrite's .dockerignore leaves out"
                + " .git)",
            "/app/.git/HEAD: only in the original (expected: the rewrite's .dockerignore leaves"
                + " out .git/HEAD)",
            "/app/Dockerfile: content differs (expected: Dockerfile is itself rewritten)");
  }

  @Test
  void aDockerignoreTheRewriteCreates_mayAppearInTheImage() throws Exception {
    Map<String, FileEntry> rewrite = base().file("app/.dockerignore", ".git\n").read();
    ExpectedDifferences expected = new ContextExclusions(Set.of(), Set.of(".dockerignore"));

    Comparison c = ImageComparator.compare(base().read(), rewrite, CONFIG, CONFIG, expected);

    assertThat(c.sameImage()).isTrue();
    assertThat(c.expected()).extracting(Difference::where).containsExactly("/app/.dockerignore");
  }

  @Test
  void aFileTheRewriteAdds_isNeverExpected() throws Exception {
    Map<String, FileEntry> rewrite = base().file("app/.git/HEAD", "ref").read();
    ExpectedDifferences expected = new ContextExclusions(Set.of(".git/HEAD"), Set.of());

    Comparison c = ImageComparator.compare(base().read(), rewrite, CONFIG, CONFIG, expected);

    assertThat(c.sameImage()).isFalse();
  }
}
