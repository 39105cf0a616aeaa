package dev.layerlab.cli;

import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.EntryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The recorded inputs of a build, as stored between {@code layerlab snapshot} and {@code layerlab
 * predict}.
 *
 * @param contexts the context as each client sends it ({@code classic}, {@code buildkit}); the two
 *     differ only when a {@code <Dockerfile>.dockerignore} exists
 */
record BuildState(
    int format,
    String contextDir,
    String dockerfile,
    String dockerfileText,
    Map<String, String> buildArgs,
    Map<String, String> baseImageDigests,
    String recordedAt,
    Map<String, List<Entry>> contexts) {

  static final int FORMAT = 1;

  /** One context path, mtime kept only for information. */
  record Entry(
      String path,
      String type,
      long size,
      int mode,
      int uid,
      int gid,
      String linkTarget,
      String digest,
      long mtimeMillis) {

    static Entry of(ContextEntry e) {
      return new Entry(
          e.path(),
          e.type().name(),
          e.size(),
          e.mode(),
          e.uid(),
          e.gid(),
          e.linkTarget(),
          e.digest(),
          e.mtimeMillis());
    }

    ContextEntry toEntry() {
      return new ContextEntry(
          path, EntryType.valueOf(type), size, mode, uid, gid, linkTarget, digest, mtimeMillis);
    }
  }

  static List<Entry> entries(ContextSnapshot snapshot) {
    return snapshot.entries().stream().map(Entry::of).toList();
  }

  ContextSnapshot snapshot(String sender) {
    List<Entry> entries = contexts.getOrDefault(sender, List.of());
    return new ContextSnapshot(
        Path.of(contextDir), entries.stream().map(Entry::toEntry).toList(), List.of());
  }
}
