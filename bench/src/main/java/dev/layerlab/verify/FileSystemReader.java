package dev.layerlab.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a file system exported as a tar stream into entries keyed by absolute path. */
public final class FileSystemReader {

  private FileSystemReader() {}

  /** Reads every entry of {@code tar}, hashing file contents as they stream past. */
  public static Map<String, FileEntry> read(InputStream tar) throws IOException {
    Map<String, FileEntry> entries = new TreeMap<>();
    // The stream is the caller's: closing the archive would close it too early.
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      String path = normalize(e.getName());
      String digest = e.isFile() && !e.isLink() ? sha256(in) : "";
      String target = e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "";
      if (e.isLink()) {
        target = normalize(target);
      }
      entries.put(
          path,
          new FileEntry(
              path,
              typeOf(e),
              e.getMode() & 07777,
              e.getLongUserId(),
              e.getLongGroupId(),
              digest,
              target));
    }
    return entries;
  }

  /** {@code ./app/x/}, {@code app/x} and {@code /app/x} all name {@code /app/x}. */
  static String normalize(String name) {
    String path = name;
    if (path.startsWith("./")) {
      path = path.substring(1);
    }
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static String typeOf(TarArchiveEntry e) {
    if (e.isDirectory()) {
      return "dir";
    }
    if (e.isSymbolicLink()) {
      return "symlink";
    }
    if (e.isLink()) {
      return "hardlink";
    }
    return e.isFile() ? "file" : "other";
  }

  private static String sha256(InputStream in) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
