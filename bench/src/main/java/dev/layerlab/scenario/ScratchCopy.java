package dev.layerlab.scenario;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of a scenario directory that change patterns may edit. The original is never
 * written to; {@link #reset()} restores every edited file, and {@link #close()} deletes the copy.
 */
public final class ScratchCopy implements AutoCloseable {

  private final Path root;
  private final Map<String, byte[]> originals = new HashMap<>();
  private final List<Path> added = new ArrayList<>();

  private ScratchCopy(Path root) {
    this.root = root;
  }

  /** Copies {@code source} into a new directory under {@code parent}, keeping modes and links. */
  public static ScratchCopy of(Path source, Path parent, String name) throws IOException {
    Files.createDirectories(parent);
    Path root = Files.createTempDirectory(parent, name + "-");
    ScratchCopy copy = new ScratchCopy(root);
    try {
      copyTree(source, root);
    } catch (IOException e) {
      copy.close();
      throw e;
    }
    return copy;
  }

  public Path root() {
    return root;
  }

  /** Applies a change pattern with a token unique to the coming build. */
  public void apply(ChangePattern pattern, String file, String token) throws IOException {
    if (!pattern.editsAFile()) {
      return;
    }
    if (pattern == ChangePattern.EDIT_GIT) {
      added.addAll(GitEdit.addObject(root.resolve(file), token));
      return;
    }
    byte[] before = ChangeApplier.apply(root, file, token);
    originals.putIfAbsent(file, before);
  }

  /** Puts every edited file back as it was copied, and removes what an edit added. */
  public void reset() throws IOException {
    for (int i = added.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(added.get(i));
    }
    added.clear();
    for (Map.Entry<String, byte[]> e : originals.entrySet()) {
      Files.write(root.resolve(e.getKey()), e.getValue());
    }
    originals.clear();
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path dest = target.resolve(source.relativize(dir).toString());
            if (!dir.equals(source)) {
              Files.copy(dir, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path dest = target.resolve(source.relativize(file).toString());
            if (attrs.isOther()) {
              return FileVisitResult.CONTINUE; // sockets and FIFOs are not build context
            }
            Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
