package dev.layerlab.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tar header fields both builders hash for a file before its content (tarsum v1 order: name,
 * mode, uid, gid, size, typeflag, linkname, uname, gname, devmajor, devminor), each written as the
 * field name followed by its value. Modification time is not among them, which is why {@code touch}
 * alone never busts a cache.
 */
final class EntryHeader {

  private EntryHeader() {}

  /**
   * The header bytes. BuildKit passes an empty name (paths enter through directory listings); the
   * classic builder the path relative to the context. Both builders send uid and gid 0 for context
   * files, and no user or group names.
   */
  static byte[] v1(String name, int mode, long size, char typeflag, String linkname) {
    String text =
        "name"
            + name
            + "mode"
            + mode
            + "uid0gid0size"
            + size
            + "typeflag"
            + typeflag
            + "linkname"
            + (linkname == null ? "" : linkname)
            + "unamegnamedevmajor0devminor0";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[]... parts) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
    for (byte[] p : parts) {
      md.update(p);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
