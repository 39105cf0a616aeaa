package dev.layerlab.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a snapshot that tell a user where the upload's bytes come from.
 *
 * @param files regular files sent
 * @param bytes bytes of regular-file content sent
 * @param largestDirectories directories by the bytes of all files below them, largest first
 */
public record ContextSummary(int files, long bytes, List<DirectoryTotal> largestDirectories) {

  /**
   * One directory's share of the upload.
   *
   * @param path relative to the context root
   * @param files regular files below it, at any depth
   * @param bytes their content bytes
   */
  public record DirectoryTotal(String path, int files, long bytes) {}

  public ContextSummary {
    largestDirectories = List.copyOf(largestDirectories);
  }

  /** Sums the snapshot's files into every directory above them and keeps the {@code top}. */
  public static ContextSummary of(ContextSnapshot snapshot, int top) {
    Map<String, long[]> totals = new HashMap<>();
    for (ContextEntry entry : snapshot.entries()) {
      if (entry.type() == EntryType.DIRECTORY) {
        totals.computeIfAbsent(entry.path(), k -> new long[2]);
      }
      if (entry.type() != EntryType.FILE) {
        continue;
      }
      String path = entry.path();
      for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
        long[] t = totals.computeIfAbsent(path.substring(0, slash), k -> new long[2]);
        t[0]++;
        t[1] += entry.size();
      }
    }
    List<DirectoryTotal> dirs = new ArrayList<>();
    totals.forEach((path, t) -> dirs.add(new DirectoryTotal(path, (int) t[0], t[1])));
    dirs.sort(
        Comparator.comparingLong(DirectoryTotal::bytes)
            .reversed()
            .thenComparing(DirectoryTotal::path));
    return new ContextSummary(
        snapshot.fileCount(), snapshot.totalBytes(), dirs.subList(0, Math.min(top, dirs.size())));
  }
}
