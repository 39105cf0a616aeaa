package dev.layerlab.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Takes a {@link ContextSnapshot} of a context directory, applying the ignore rules during the walk
 * as Docker's clients do: an excluded directory is not entered unless an exception could re-include
 * something inside it, so a huge ignored {@code node_modules} costs nothing. Symlinks are recorded,
 * never followed; FIFOs, sockets and devices are never opened.
 */
public final class ContextWalker {

  /** The file operations the walk needs; tests substitute failures root cannot otherwise see. */
  interface FileAccess {
    DirectoryStream<Path> list(Path dir) throws IOException;

    InputStream open(Path file) throws IOException;
  }

  private static final FileAccess REAL_FILES =
      new FileAccess() {
        @Override
        public DirectoryStream<Path> list(Path dir) throws IOException {
          return Files.newDirectoryStream(dir);
        }

        @Override
        public InputStream open(Path file) throws IOException {
          return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        }
      };

  private final IgnoreRules rules;
  private final SnapshotCache cache;
  private final ContextSender sender;
  private final FileAccess files;
  private final byte[] buffer = new byte[64 * 1024];
  private final MessageDigest sha256;

  public ContextWalker(IgnoreRules rules, SnapshotCache cache) {
    this(rules, cache, ContextSender.BUILDKIT);
  }

  /** A walker that follows the given client's rule for entering excluded directories. */
  public ContextWalker(IgnoreRules rules, SnapshotCache cache, ContextSender sender) {
    this(rules, cache, sender, REAL_FILES);
  }

  ContextWalker(IgnoreRules rules, SnapshotCache cache, ContextSender sender, FileAccess files) {
    this.rules = rules;
    this.cache = cache;
    this.sender = sender;
    this.files = files;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** Walks the directory; unreadable paths become problems rather than failing the walk. */
  public ContextSnapshot snapshot(Path contextDir) throws IOException {
    Path root = contextDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new NotDirectoryException(root + " (the build context must be a directory)");
    }
    Walk walk = new Walk();
    walk.directory(root, "", null, List.of());
    return new ContextSnapshot(root, walk.entries, walk.problems);
  }

  /** The state of one snapshot: results, and which excluded directories were already sent. */
  private final class Walk {
    private final List<ContextEntry> entries = new ArrayList<>();
    private final List<ContextProblem> problems = new ArrayList<>();
    private final Set<String> sentExcludedDirs = new HashSet<>();

    /**
     * Visits a directory's children. {@code excludedDirs} holds the excluded ancestors entered to
     * look for re-included paths; BuildKit sends them (without their other contents) once something
     * below them is re-included. Problems inside them are not the build's problems.
     */
    void directory(Path dir, String relDir, boolean[] parentInfo, List<ContextEntry> excludedDirs) {
      boolean excluded = !excludedDirs.isEmpty();
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> stream = files.list(dir)) {
        stream.forEach(children::add);
      } catch (IOException | RuntimeException e) {
        if (!excluded) {
          problems.add(
              new ContextProblem(relDir.isEmpty() ? "." : relDir, unreadable("directory", e)));
        }
        return;
      }
      children.sort(null);
      for (Path child : children) {
        String name = child.getFileName().toString();
        String rel = relDir.isEmpty() ? name : relDir + "/" + name;
        visit(child, rel, parentInfo, excludedDirs);
      }
    }

    private void visit(
        Path path, String rel, boolean[] parentInfo, List<ContextEntry> excludedDirs) {
      PatternMatcher.Match match = rules.match(rel, parentInfo);
      Attributes attrs;
      try {
        attrs = Attributes.read(path);
      } catch (NoSuchFileException e) {
        return; // Deleted while walking: the next snapshot will show it gone.
      } catch (IOException | RuntimeException e) {
        if (!match.excluded()) {
          problems.add(new ContextProblem(rel, unreadable("path", e)));
        }
        return;
      }
      if (match.excluded()) {
        if (attrs.type == EntryType.DIRECTORY && rules.mustEnterExcludedDirectory(rel, sender)) {
          List<ContextEntry> deeper = new ArrayList<>(excludedDirs);
          deeper.add(attrs.entry(rel, null, null));
          directory(path, rel, match.matchedPatterns(), deeper);
        }
        return;
      }
      if (sender == ContextSender.BUILDKIT) {
        for (ContextEntry dir : excludedDirs) {
          if (sentExcludedDirs.add(dir.path())) {
            entries.add(dir);
          }
        }
      }
      record(path, rel, attrs, match.matchedPatterns());
    }

    private void record(Path path, String rel, Attributes attrs, boolean[] info) {
      switch (attrs.type) {
        case DIRECTORY -> {
          entries.add(attrs.entry(rel, null, null));
          directory(path, rel, info, List.of());
        }
        case SYMLINK -> {
          try {
            String target = Files.readSymbolicLink(path).toString();
            entries.add(attrs.entry(rel, target, null));
          } catch (IOException e) {
            problems.add(new ContextProblem(rel, unreadable("symlink", e)));
          }
        }
        case FILE -> {
          try {
            entries.add(attrs.entry(rel, null, digest(path, attrs)));
          } catch (IOException | RuntimeException e) {
            problems.add(new ContextProblem(rel, unreadable("file", e)));
          }
        }
        default -> {
          entries.add(attrs.entry(rel, null, null));
          problems.add(
              new ContextProblem(
                  rel,
                  attrs.kindName
                      + " in the build context: Docker cannot send its content; exclude it in"
                      + " .dockerignore or move it out of the context"));
        }
      }
    }
  }

  private String digest(Path path, Attributes attrs) throws IOException {
    String key = path.toString();
    SnapshotCache.Stat stat = attrs.stat();
    String known = cache.lookup(key, stat);
    if (known != null) {
      return known;
    }
    Instant start = Instant.now();
    long hashedAt = TimeUnit.SECONDS.toNanos(start.getEpochSecond()) + start.getNano();
    sha256.reset();
    try (InputStream in = files.open(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha256.update(buffer, 0, n);
      }
    }
    String digest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
    cache.store(key, stat, hashedAt, digest);
    return digest;
  }

  private static String unreadable(String what, Exception e) {
    String reason =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "cannot read "
        + what
        + " ("
        + reason
        + "): Docker fails the build on it; fix its permissions or exclude it in .dockerignore";
  }

  /** Stat data read once, without following symlinks; unix attributes where available. */
  private static final class Attributes {
    EntryType type;
    String kindName;
    long size;
    int mode;
    int uid = -1;
    int gid = -1;
    long mtimeNanos;
    long ctimeNanos = -1;
    long inode = -1;

    static Attributes read(Path path) throws IOException {
      Attributes a = new Attributes();
      BasicFileAttributes basic;
      try {
        Map<String, Object> unix = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int rawMode = (Integer) unix.get("mode");
        a.mode = rawMode & 07777;
        a.uid = (Integer) unix.get("uid");
        a.gid = (Integer) unix.get("gid");
        a.inode = (Long) unix.get("ino");
        a.ctimeNanos = nanos((FileTime) unix.get("ctime"));
        a.kindName = kindOf(rawMode & 0170000);
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        basic = readPortable(path, a);
      }
      a.size = basic.size();
      a.mtimeNanos = nanos(basic.lastModifiedTime());
      if (basic.isSymbolicLink()) {
        a.type = EntryType.SYMLINK;
      } else if (basic.isDirectory()) {
        a.type = EntryType.DIRECTORY;
      } else if (basic.isRegularFile()) {
        a.type = EntryType.FILE;
      } else {
        a.type = EntryType.OTHER;
        if (a.kindName == null) {
          a.kindName = "special file";
        }
      }
      return a;
    }

    private static BasicFileAttributes readPortable(Path path, Attributes a) throws IOException {
      try {
        PosixFileAttributes posix =
            Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        a.mode = bits(posix.permissions());
        return posix;
      } catch (UnsupportedOperationException e) {
        BasicFileAttributes basic =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        // Without POSIX permissions (Windows), Docker sends everything as 0755 / 0644.
        a.mode = basic.isDirectory() ? 0755 : 0644;
        return basic;
      }
    }

    private static int bits(Set<PosixFilePermission> permissions) {
      int mode = 0;
      for (PosixFilePermission p : permissions) {
        mode |= 1 << (8 - p.ordinal());
      }
      return mode;
    }

    private static String kindOf(int fileType) {
      return switch (fileType) {
        case 0010000 -> "FIFO (named pipe)";
        case 0140000 -> "socket";
        case 0020000 -> "character device";
        case 0060000 -> "block device";
        default -> null;
      };
    }

    private static long nanos(FileTime time) {
      Instant instant = time.toInstant();
      return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    SnapshotCache.Stat stat() {
      return new SnapshotCache.Stat(size, mtimeNanos, ctimeNanos, inode);
    }

    ContextEntry entry(String rel, String linkTarget, String digest) {
      return new ContextEntry(
          rel,
          type,
          size,
          mode,
          uid,
          gid,
          linkTarget,
          digest,
          TimeUnit.NANOSECONDS.toMillis(mtimeNanos));
    }
  }
}
