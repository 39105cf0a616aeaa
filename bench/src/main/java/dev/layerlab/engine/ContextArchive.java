package dev.layerlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a build context as the tar archive the {@code docker} CLI sends: owner and group 0, no
 * user or group names, permission bits without the file-type bits, symlinks as links.
 *
 * <p>The classic builder hashes the tar header of every file it copies (mode included), so an
 * archive that differs from the CLI's in those fields would miss a cache the CLI made, and the
 * reverse. Matching the CLI keeps layerlab's builds and a user's own builds sharing one cache.
 */
public final class ContextArchive {

  private ContextArchive() {}

  /**
   * Writes the given entries of {@code root} to {@code out}.
   *
   * @param paths relative '/'-separated paths, parents before children
   */
  public static void write(Path root, List<String> paths, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (String path : paths) {
      Path file = root.resolve(path);
      TarArchiveEntry entry;
      boolean regular = false;
      if (Files.isSymbolicLink(file)) {
        entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
        entry.setLinkName(Files.readSymbolicLink(file).toString());
        entry.setMode(0777);
      } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        entry = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
        entry.setMode(mode(file));
      } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        entry = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
        entry.setMode(mode(file));
        entry.setSize(Files.size(file));
        regular = true;
      } else {
        continue; // sockets, FIFOs and devices never reach a build context
      }
      entry.setModTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
      entry.setIds(0, 0);
      entry.setUserName("");
      entry.setGroupName("");
      tar.putArchiveEntry(entry);
      if (regular) {
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(tar);
        }
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  private static int mode(Path file) throws IOException {
    Object unixMode = null;
    try {
      unixMode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // Not a Unix file system: fall back to the POSIX permission bits below.
    }
    if (unixMode instanceof Integer m) {
      return m & 07777;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }
}
