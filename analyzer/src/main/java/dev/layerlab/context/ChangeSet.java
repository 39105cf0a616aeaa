package dev.layerlab.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a context changed between two snapshots, in the terms that decide a COPY cache hit: a changed
 * mtime alone is not a change, a changed digest or permission bit is.
 *
 * @param added paths only in the later snapshot
 * @param removed paths only in the earlier snapshot
 * @param contentChanged paths whose content differs: file digest, symlink target, or entry type
 * @param modeChanged paths whose permission bits differ (a path may also be in contentChanged)
 */
public record ChangeSet(
    List<String> added,
    List<String> removed,
    List<String> contentChanged,
    List<String> modeChanged) {

  public ChangeSet {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    contentChanged = List.copyOf(contentChanged);
    modeChanged = List.copyOf(modeChanged);
  }

  public static ChangeSet between(ContextSnapshot before, ContextSnapshot after) {
    Map<String, ContextEntry> old = byPath(before);
    Map<String, ContextEntry> now = byPath(after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> content = new ArrayList<>();
    List<String> mode = new ArrayList<>();
    for (ContextEntry entry : after.entries()) {
      ContextEntry previous = old.get(entry.path());
      if (previous == null) {
        added.add(entry.path());
        continue;
      }
      if (previous.type() != entry.type()
          || !Objects.equals(previous.digest(), entry.digest())
          || !Objects.equals(previous.linkTarget(), entry.linkTarget())) {
        content.add(entry.path());
      }
      if (previous.mode() != entry.mode()) {
        mode.add(entry.path());
      }
    }
    for (ContextEntry entry : before.entries()) {
      if (!now.containsKey(entry.path())) {
        removed.add(entry.path());
      }
    }
    return new ChangeSet(added, removed, content, mode);
  }

  private static Map<String, ContextEntry> byPath(ContextSnapshot snapshot) {
    return snapshot.entries().stream()
        .collect(Collectors.toMap(ContextEntry::path, Function.identity(), (a, b) -> a));
  }

  public boolean isEmpty() {
    return added.isEmpty()
        && removed.isEmpty()
        && contentChanged.isEmpty()
        && modeChanged.isEmpty();
  }

  /** Every changed path once, sorted. */
  public List<String> all() {
    TreeSet<String> paths = new TreeSet<>(added);
    paths.addAll(removed);
    paths.addAll(contentChanged);
    paths.addAll(modeChanged);
    return List.copyOf(paths);
  }
}
