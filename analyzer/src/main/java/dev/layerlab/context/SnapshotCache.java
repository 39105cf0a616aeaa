package dev.layerlab.context;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers file digests by path and stat data, like git's index, so an unchanged context is
 * re-checked without reading any content. An entry is trusted only when size, mtime, ctime and
 * inode all still agree, and only if the file's mtime was at least {@link #RACY_WINDOW_NANOS} older
 * than the moment it was hashed: a file edited in the same clock tick as the hashing could
 * otherwise keep its mtime and be taken for unchanged (git's "racy clean" problem).
 */
public final class SnapshotCache {

  /** Generous enough for file systems that store mtimes in whole seconds. */
  static final long RACY_WINDOW_NANOS = 2_000_000_000L;

  private static final String HEADER = "layerlab-snapshot-cache 1";

  /** The stat data a digest is valid for; -1 where the file system does not report a field. */
  record Stat(long size, long mtimeNanos, long ctimeNanos, long inode) {}

  private record Entry(Stat stat, long hashedAtNanos, String digest) {}

  private final boolean storing;
  private final Map<String, Entry> entries;
  private final Map<String, Entry> used = new HashMap<>();
  private long contentReads;

  private SnapshotCache(boolean storing, Map<String, Entry> entries) {
    this.storing = storing;
    this.entries = entries;
  }

  /** A cache that remembers nothing: every snapshot reads every file. */
  public static SnapshotCache none() {
    return new SnapshotCache(false, new HashMap<>());
  }

  /** An empty cache that remembers what it sees from now on. */
  public static SnapshotCache empty() {
    return new SnapshotCache(true, new HashMap<>());
  }

  /** Loads a saved cache; a missing or damaged file gives an empty cache (it is only a cache). */
  public static SnapshotCache load(Path file) {
    Map<String, Entry> loaded = new HashMap<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return empty();
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length != 7 || !f[5].startsWith("sha256:")) {
          return empty();
        }
        Stat stat =
            new Stat(
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]));
        loaded.put(unescape(f[6]), new Entry(stat, Long.parseLong(f[4]), f[5]));
      }
    } catch (IOException | RuntimeException e) {
      return empty();
    }
    return new SnapshotCache(true, loaded);
  }

  /**
   * Writes the entries used since loading (or all, if none were), replacing the file in one move so
   * a crash never leaves half a cache.
   */
  public void save(Path file) throws IOException {
    Map<String, Entry> toWrite = used.isEmpty() ? entries : used;
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (Map.Entry<String, Entry> e : toWrite.entrySet()) {
        Stat s = e.getValue().stat();
        out.write(
            s.size()
                + "\t"
                + s.mtimeNanos()
                + "\t"
                + s.ctimeNanos()
                + "\t"
                + s.inode()
                + "\t"
                + e.getValue().hashedAtNanos()
                + "\t"
                + e.getValue().digest()
                + "\t"
                + escape(e.getKey())
                + "\n");
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** How many files' contents were read through this cache. */
  public long contentReads() {
    return contentReads;
  }

  /** How many digests the cache holds. */
  public int size() {
    return entries.size();
  }

  /** The remembered digest when the stat data proves the file unchanged, else null. */
  String lookup(String key, Stat stat) {
    Entry entry = entries.get(key);
    if (entry == null
        || !entry.stat().equals(stat)
        || stat.mtimeNanos() > entry.hashedAtNanos() - RACY_WINDOW_NANOS) {
      return null;
    }
    used.put(key, entry);
    return entry.digest();
  }

  /** Records a digest just computed from the file's content. */
  void store(String key, Stat stat, long hashedAtNanos, String digest) {
    contentReads++;
    if (!storing) {
      return;
    }
    Entry entry = new Entry(stat, hashedAtNanos, digest);
    entries.put(key, entry);
    used.put(key, entry);
  }

  private static String escape(String path) {
    return path.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String unescape(String path) {
    return path.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
  }
}
