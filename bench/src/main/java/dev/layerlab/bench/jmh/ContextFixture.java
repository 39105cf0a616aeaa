package dev.layerlab.bench.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A large generated build context on disk, made once and reused while its description matches: a
 * marker file beside the directory records how it was made. File times are set an hour back, so a
 * snapshot cache may trust them at once (a just-written file is re-read on purpose).
 */
public final class ContextFixture {

  private static final long SEED = 42L;

  private ContextFixture() {}

  /**
   * Makes {@code dir} hold {@code files} files of about {@code totalBytes} unless it already does.
   */
  public static void ensure(Path dir, int files, long totalBytes) throws IOException {
    Path marker = marker(dir);
    String description = files + " files, " + totalBytes + " bytes, seed " + SEED;
    if (Files.isDirectory(dir)
        && Files.isRegularFile(marker)
        && Files.readString(marker).equals(description)) {
      return;
    }
    delete(dir);
    List<String> paths = TreeGenerator.paths(files, SEED);
    long[] sizes = sizes(files, totalBytes);
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] buffer = new byte[1 << 20];
    FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    for (int i = 0; i < files; i++) {
      Path file = dir.resolve(paths.get(i));
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        long left = sizes[i];
        while (left > 0) {
          int n = (int) Math.min(left, buffer.length);
          fill(buffer, n, random);
          out.write(buffer, 0, n);
          left -= n;
        }
      }
      Files.setLastModifiedTime(file, hourAgo);
    }
    Files.writeString(marker, description, StandardCharsets.UTF_8);
  }

  /** Removes the directory and its marker. */
  public static void delete(Path dir) throws IOException {
    Files.deleteIfExists(marker(dir));
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path marker(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".ready");
  }

  /** Mostly small source-like files and a few large ones, scaled to the total. */
  private static long[] sizes(int files, long totalBytes) {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    long[] sizes = new long[files];
    double sum = 0;
    for (int i = 0; i < files; i++) {
      sizes[i] =
          random.nextInt(20) == 0
              ? 8192 + random.nextInt(512 * 1024 - 8192)
              : 512 + random.nextInt(16384 - 512);
      sum += sizes[i];
    }
    double scale = totalBytes / sum;
    for (int i = 0; i < files; i++) {
      sizes[i] = Math.max(1, Math.round(sizes[i] * scale));
    }
    return sizes;
  }

  private static void fill(byte[] buffer, int n, SplittableRandom random) {
    for (int i = 0; i < n; i += 8) {
      long v = random.nextLong();
      for (int b = 0; b < 8 && i + b < n; b++) {
        buffer[i + b] = (byte) (v >>> (8 * b));
      }
    }
  }
}
