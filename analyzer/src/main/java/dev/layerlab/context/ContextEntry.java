package dev.layerlab.context;

import java.util.Objects;

/**
 * One path of a build context as the builder receives it.
 *
 * @param path relative to the context root, {@code /}-separated, no trailing slash
 * @param type what the path is
 * @param size bytes of content for a file, the target's length for a symlink, else as reported
 * @param mode permission bits including setuid, setgid and sticky (no file-type bits)
 * @param uid owner, or -1 where the file system does not say
 * @param gid group, or -1 where the file system does not say
 * @param linkTarget the symlink's target as stored; null unless {@code SYMLINK}
 * @param digest {@code sha256:<hex>} of the content for a {@code FILE}, null otherwise
 * @param mtimeMillis last modification time
 */
public record ContextEntry(
    String path,
    EntryType type,
    long size,
    int mode,
    int uid,
    int gid,
    String linkTarget,
    String digest,
    long mtimeMillis) {

  public ContextEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("not a relative context path: '" + path + "'");
    }
  }
}
