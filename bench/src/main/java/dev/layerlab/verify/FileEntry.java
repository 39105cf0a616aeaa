package dev.layerlab.verify;

/**
 * One entry of an image's file system, as far as a container can tell entries apart.
 *
 * @param path absolute, without a trailing slash ({@code /app/main.py})
 * @param type {@code file}, {@code dir}, {@code symlink}, {@code hardlink} or {@code other}
 * @param mode permission bits with set-id and sticky bits
 * @param uid owner
 * @param gid group
 * @param digest SHA-256 of a file's content in hex; empty for other types
 * @param linkTarget where a symlink or hard link points; empty for other types
 */
public record FileEntry(
    String path, String type, int mode, long uid, long gid, String digest, String linkTarget) {

  /** Says how this entry differs from {@code other}, or returns an empty string. */
  String differenceFrom(FileEntry other) {
    StringBuilder why = new StringBuilder();
    if (!type.equals(other.type)) {
      why.append("; type ").append(type).append(" -> ").append(other.type);
    }
    if (mode != other.mode) {
      why.append(String.format("; mode %04o -> %04o", mode, other.mode));
    }
    if (uid != other.uid || gid != other.gid) {
      why.append("; owner ")
          .append(uid + ":" + gid)
          .append(" -> ")
          .append(other.uid + ":" + other.gid);
    }
    if (!digest.equals(other.digest)) {
      why.append("; content differs");
    }
    if (!linkTarget.equals(other.linkTarget)) {
      why.append("; link ").append(linkTarget).append(" -> ").append(other.linkTarget);
    }
    return why.length() == 0 ? "" : why.substring(2);
  }
}
