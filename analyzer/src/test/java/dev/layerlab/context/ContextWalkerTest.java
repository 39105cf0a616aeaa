package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of real temporary directories, and the change sets between them. */
class ContextWalkerTest {

  @TempDir Path temp;

  private Path context() throws IOException {
    return Files.createDirectories(temp.resolve("ctx"));
  }

  private static void write(Path root, String rel, String content) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<String> paths(ContextSnapshot snapshot) {
    return snapshot.entries().stream().map(ContextEntry::path).toList();
  }

  /** Real file access that records every directory listed. */
  private static final class RecordingAccess implements ContextWalker.FileAccess {
    final List<Path> listed = new ArrayList<>();
    final List<Path> unreadable = new ArrayList<>();

    @Override
    public DirectoryStream<Path> list(Path dir) throws IOException {
      listed.add(dir);
      if (unreadable.contains(dir)) {
        throw new AccessDeniedException(dir.toString());
      }
      return Files.newDirectoryStream(dir);
    }

    @Override
    public InputStream open(Path file) throws IOException {
      if (unreadable.contains(file)) {
        throw new AccessDeniedException(file.toString());
      }
      return Files.newInputStream(file);
    }
  }

  @Test
  void excludedDirectory_isNeverEntered() throws Exception {
    Path ctx = context();
    write(ctx, "app.js", "x");
    write(ctx, "node_modules/react/index.js", "y");
    RecordingAccess access = new RecordingAccess();
    access.unreadable.add(ctx.resolve("node_modules"));
    IgnoreRules rules = IgnoreRules.parse("node_modules\n", ".dockerignore");

    ContextSnapshot snapshot =
        new ContextWalker(rules, SnapshotCache.none(), ContextSender.BUILDKIT, access)
            .snapshot(ctx);

    assertThat(access.listed).as("directories listed").containsExactly(ctx);
    assertThat(snapshot.problems()).as("an unreadable excluded dir is no problem").isEmpty();
    assertThat(paths(snapshot)).as("entries").containsExactly("app.js");
  }

  @Test
  void unreadableExcludedDirectory_onDisk_causesNoProblem() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any directory");
    Path ctx = context();
    write(ctx, "secret/key", "k");
    Files.setPosixFilePermissions(
        ctx.resolve("secret"), PosixFilePermissions.fromString("---------"));
    try {
      ContextSnapshot snapshot =
          new ContextWalker(IgnoreRules.parse("secret\n", "x"), SnapshotCache.none()).snapshot(ctx);

      assertThat(snapshot.problems()).as("problems").isEmpty();
    } finally {
      Files.setPosixFilePermissions(
          ctx.resolve("secret"), PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void exception_reincludesANestedFileAndItsDirectory() throws Exception {
    Path ctx = context();
    write(ctx, "docs/README.md", "r");
    write(ctx, "docs/internal.md", "i");
    IgnoreRules rules = IgnoreRules.parse("docs\n!docs/README.md\n", ".dockerignore");

    ContextSnapshot snapshot = new ContextWalker(rules, SnapshotCache.none()).snapshot(ctx);

    assertThat(paths(snapshot)).as("entries").containsExactly("docs", "docs/README.md");
  }

  @Test
  void wildcardException_isHonouredByBuildKitButNotByTheClassicCli() throws Exception {
    Path ctx = context();
    write(ctx, "docs/a.txt", "a");
    write(ctx, "docs/b.md", "b");
    IgnoreRules rules = IgnoreRules.parse("*\n!*/*.txt\n", ".dockerignore");

    ContextSnapshot buildkit =
        new ContextWalker(rules, SnapshotCache.none(), ContextSender.BUILDKIT).snapshot(ctx);
    ContextSnapshot classic =
        new ContextWalker(rules, SnapshotCache.none(), ContextSender.CLASSIC).snapshot(ctx);

    assertThat(paths(buildkit)).as("BuildKit enters docs/").containsExactly("docs", "docs/a.txt");
    assertThat(paths(classic))
        .as("the classic CLI skips docs/: the exception does not literally start with docs/")
        .isEmpty();
  }

  @Test
  void symlinks_areRecordedWithTheirTargetAndNeverFollowed() throws Exception {
    Path ctx = context();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    write(outside, "big.bin", "outside data");
    write(ctx, "real/file.txt", "inside");
    Files.createSymbolicLink(ctx.resolve("out"), outside);
    Files.createSymbolicLink(ctx.resolve("alias"), Path.of("real"));
    Files.createSymbolicLink(ctx.resolve("dangling"), Path.of("nowhere"));

    ContextSnapshot snapshot =
        new ContextWalker(IgnoreRules.none(), SnapshotCache.none()).snapshot(ctx);

    assertThat(paths(snapshot))
        .as("nothing under a link")
        .containsExactly("alias", "dangling", "out", "real", "real/file.txt");
    assertThat(snapshot.entry("out"))
        .as("link out of the context")
        .hasValueSatisfying(
            e -> {
              assertThat(e.type()).isEqualTo(EntryType.SYMLINK);
              assertThat(e.linkTarget()).isEqualTo(outside.toString());
              assertThat(e.digest()).isNull();
            });
    assertThat(snapshot.entry("alias").map(ContextEntry::linkTarget))
        .as("relative target")
        .contains("real");
    assertThat(snapshot.problems()).as("a dangling link is fine").isEmpty();
  }

  @Test
  void fifo_isReportedAndNeverOpened() throws Exception {
    Path ctx = context();
    write(ctx, "a.txt", "a");
    Path fifo = ctx.resolve("pipe");
    assumeTrue(mkfifo(fifo), "mkfifo is available");

    ContextSnapshot snapshot =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> new ContextWalker(IgnoreRules.none(), SnapshotCache.none()).snapshot(ctx));

    assertThat(snapshot.problems())
        .as("problems")
        .extracting(ContextProblem::path)
        .containsExactly("pipe");
    assertThat(snapshot.problems().get(0).message()).as("message").contains("FIFO");
    assertThat(snapshot.entry("pipe").map(ContextEntry::type)).as("type").contains(EntryType.OTHER);
    assertThat(snapshot.entry("a.txt")).as("the rest of the walk").isPresent();
  }

  private static boolean mkfifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void unreadableFile_isReportedAndTheWalkGoesOn() throws Exception {
    Path ctx = context();
    write(ctx, "locked.txt", "secret");
    write(ctx, "open.txt", "fine");
    RecordingAccess access = new RecordingAccess();
    access.unreadable.add(ctx.resolve("locked.txt"));

    ContextSnapshot snapshot =
        new ContextWalker(IgnoreRules.none(), SnapshotCache.none(), ContextSender.BUILDKIT, access)
            .snapshot(ctx);

    assertThat(snapshot.problems())
        .as("problems")
        .extracting(ContextProblem::path)
        .containsExactly("locked.txt");
    assertThat(snapshot.problems().get(0).message()).as("message").contains("permission denied");
    assertThat(paths(snapshot)).as("entries").containsExactly("open.txt");
  }

  @Test
  void unreadableFile_onDisk_isReported() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any file");
    Path ctx = context();
    write(ctx, "locked.txt", "secret");
    Files.setPosixFilePermissions(
        ctx.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));

    ContextSnapshot snapshot =
        new ContextWalker(IgnoreRules.none(), SnapshotCache.none()).snapshot(ctx);

    assertThat(snapshot.problems())
        .as("problems")
        .extracting(ContextProblem::path)
        .containsExactly("locked.txt");
  }

  @Test
  void entries_carryDigestModeAndOwner() throws Exception {
    Path ctx = context();
    write(ctx, "run.sh", "hello");
    Files.setAttribute(ctx.resolve("run.sh"), "unix:mode", 04750);

    ContextSnapshot snapshot =
        new ContextWalker(IgnoreRules.none(), SnapshotCache.none()).snapshot(ctx);

    ContextEntry entry = snapshot.entry("run.sh").orElseThrow();
    assertThat(entry.digest())
        .as("sha256 of 'hello'")
        .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(entry.mode()).as("setuid kept, type bits dropped").isEqualTo(04750);
    assertThat(entry.uid())
        .as("uid")
        .isEqualTo((Integer) Files.getAttribute(ctx.resolve("run.sh"), "unix:uid"));
    assertThat(snapshot.totalBytes()).as("bytes").isEqualTo(5);
    assertThat(snapshot.fileCount()).as("files").isEqualTo(1);
  }

  @Test
  void warmSnapshotWithLoadedCache_readsNoFileContents() throws Exception {
    Path ctx = context();
    for (int i = 0; i < 20; i++) {
      write(ctx, "src/f" + i + ".txt", "content " + i);
    }
    ageAll(ctx);
    Path cacheFile = temp.resolve("cache/index");
    SnapshotCache cold = SnapshotCache.load(cacheFile);
    ContextSnapshot first = new ContextWalker(IgnoreRules.none(), cold).snapshot(ctx);
    cold.save(cacheFile);

    SnapshotCache warm = SnapshotCache.load(cacheFile);
    ContextSnapshot second = new ContextWalker(IgnoreRules.none(), warm).snapshot(ctx);

    assertThat(cold.contentReads()).as("cold reads").isEqualTo(20);
    assertThat(warm.contentReads()).as("warm reads").isZero();
    assertThat(second.entries()).as("same snapshot").isEqualTo(first.entries());
  }

  @Test
  void freshlyWrittenFile_isNotTrustedFromTheCache() throws Exception {
    Path ctx = context();
    write(ctx, "new.txt", "v1");
    SnapshotCache cache = SnapshotCache.empty();
    new ContextWalker(IgnoreRules.none(), cache).snapshot(ctx);
    new ContextWalker(IgnoreRules.none(), cache).snapshot(ctx);

    assertThat(cache.contentReads())
        .as("an mtime as new as the hashing could hide a same-tick edit, so it is re-read")
        .isEqualTo(2);
  }

  @Test
  void corruptCacheFile_loadsAsEmpty() throws Exception {
    Path cacheFile = temp.resolve("index");
    Files.writeString(cacheFile, "layerlab-snapshot-cache 1\nnot\tvalid\n");

    assertThat(SnapshotCache.load(cacheFile).size()).as("entries").isZero();
    assertThat(SnapshotCache.load(temp.resolve("missing")).size()).as("missing file").isZero();
  }

  @Test
  void touchingMtimeOnly_isNoContentChange() throws Exception {
    Path ctx = context();
    write(ctx, "a.txt", "same");
    ageAll(ctx);
    SnapshotCache cache = SnapshotCache.empty();
    ContextSnapshot before = new ContextWalker(IgnoreRules.none(), cache).snapshot(ctx);
    Files.setLastModifiedTime(ctx.resolve("a.txt"), FileTime.from(Instant.now()));
    ContextSnapshot after = new ContextWalker(IgnoreRules.none(), cache).snapshot(ctx);

    assertThat(ChangeSet.between(before, after).isEmpty()).as("no change").isTrue();
    assertThat(cache.contentReads()).as("re-read once to be sure").isEqualTo(2);
  }

  @Test
  void chmod_isAModeChange() throws Exception {
    Path ctx = context();
    write(ctx, "run.sh", "echo");
    Files.setPosixFilePermissions(
        ctx.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
    ContextWalker walker = new ContextWalker(IgnoreRules.none(), SnapshotCache.none());
    ContextSnapshot before = walker.snapshot(ctx);
    Files.setPosixFilePermissions(
        ctx.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    ContextSnapshot after = walker.snapshot(ctx);

    ChangeSet changes = ChangeSet.between(before, after);

    assertThat(changes.modeChanged()).as("mode changed").containsExactly("run.sh");
    assertThat(changes.contentChanged()).as("content unchanged").isEmpty();
  }

  @Test
  void addRemoveAndEdit_areEachDetected() throws Exception {
    Path ctx = context();
    write(ctx, "keep.txt", "k");
    write(ctx, "edit.txt", "v1");
    write(ctx, "gone.txt", "g");
    write(ctx, "ignored.log", "1");
    IgnoreRules rules = IgnoreRules.parse("*.log\n", ".dockerignore");
    ContextWalker walker = new ContextWalker(rules, SnapshotCache.empty());
    ContextSnapshot before = walker.snapshot(ctx);
    write(ctx, "edit.txt", "v2");
    Files.delete(ctx.resolve("gone.txt"));
    write(ctx, "new/added.txt", "n");
    write(ctx, "ignored.log", "2");
    ContextSnapshot after = walker.snapshot(ctx);

    ChangeSet changes = ChangeSet.between(before, after);

    assertThat(changes.added()).as("added").containsExactly("new", "new/added.txt");
    assertThat(changes.removed()).as("removed").containsExactly("gone.txt");
    assertThat(changes.contentChanged())
        .as("edited; the ignored log is invisible")
        .containsExactly("edit.txt");
    assertThat(changes.all())
        .as("all")
        .containsExactly("edit.txt", "gone.txt", "new", "new/added.txt");
  }

  private static void ageAll(Path root) throws IOException {
    FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    try (var stream = Files.walk(root)) {
      for (Path p : stream.toList()) {
        Files.setLastModifiedTime(p, hourAgo);
      }
    }
  }
}
