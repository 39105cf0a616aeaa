package dev.layerlab.context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a build would receive from a context directory at one moment: every path that survives the
 * ignore rules, with content digests, plus anything that could not be read.
 *
 * @param root the context directory, absolute
 * @param entries sorted by path; excluded paths are absent
 * @param problems paths that could not be captured, sorted by path
 */
public record ContextSnapshot(
    Path root, List<ContextEntry> entries, List<ContextProblem> problems) {

  public ContextSnapshot {
    List<ContextEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(ContextEntry::path));
    entries = Collections.unmodifiableList(sorted);
    List<ContextProblem> sortedProblems = new ArrayList<>(problems);
    sortedProblems.sort(Comparator.comparing(ContextProblem::path));
    problems = Collections.unmodifiableList(sortedProblems);
  }

  /** Bytes of regular-file content the build would upload. */
  public long totalBytes() {
    return entries.stream()
        .filter(e -> e.type() == EntryType.FILE)
        .mapToLong(ContextEntry::size)
        .sum();
  }

  /** How many regular files the context holds. */
  public int fileCount() {
    return (int) entries.stream().filter(e -> e.type() == EntryType.FILE).count();
  }

  public Optional<ContextEntry> entry(String path) {
    int lo = 0;
    int hi = entries.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = entries.get(mid).path().compareTo(path);
      if (cmp == 0) {
        return Optional.of(entries.get(mid));
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.empty();
  }
}
