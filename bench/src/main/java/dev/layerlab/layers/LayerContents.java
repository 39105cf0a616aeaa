package dev.layerlab.layers;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The entries of one layer tar, without their contents: what the layer adds, and what it removes
 * from the layers below through whiteout files ({@code .wh.NAME} deletes {@code NAME}; {@code
 * .wh..wh..opq} hides everything lower layers had in its directory).
 *
 * @param entries what the layer writes, in tar order
 * @param deleted paths a whiteout removes, with everything under them
 * @param opaque directories whose lower-layer contents are hidden ({@code ""} for the root)
 */
public record LayerContents(List<Entry> entries, List<String> deleted, List<String> opaque) {

  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";

  public LayerContents {
    entries = List.copyOf(entries);
    deleted = List.copyOf(deleted);
    opaque = List.copyOf(opaque);
  }

  /** What an entry is. */
  public enum Kind {
    FILE,
    HARD_LINK,
    DIRECTORY,
    OTHER
  }

  /**
   * One path the layer writes.
   *
   * @param path normalised: no leading {@code ./} or {@code /}, no trailing slash
   * @param kind what it is; symbolic links, devices and FIFOs are {@code OTHER}
   * @param bytes content bytes of a regular file, else 0
   * @param linkTarget a hard link's target path, normalised, else empty
   */
  public record Entry(String path, Kind kind, long bytes, String linkTarget) {}

  /** Reads a layer tar to its end; the stream is left open. */
  public static LayerContents read(InputStream tar) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    List<String> opaque = new ArrayList<>();
    TarArchiveInputStream in = new TarArchiveInputStream(new Unclosable(tar));
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      String path = normalise(e.getName());
      if (path.isEmpty()) {
        continue; // the root itself
      }
      int slash = path.lastIndexOf('/');
      String dir = slash < 0 ? "" : path.substring(0, slash);
      String name = path.substring(slash + 1);
      if (name.equals(OPAQUE)) {
        opaque.add(dir);
      } else if (name.startsWith(WHITEOUT + WHITEOUT)) {
        continue; // the storage driver's own bookkeeping, no path of the image
      } else if (name.startsWith(WHITEOUT)) {
        String target = name.substring(WHITEOUT.length());
        deleted.add(dir.isEmpty() ? target : dir + "/" + target);
      } else if (e.isLink()) {
        entries.add(new Entry(path, Kind.HARD_LINK, 0, normalise(e.getLinkName())));
      } else if (e.isDirectory()) {
        entries.add(new Entry(path, Kind.DIRECTORY, 0, ""));
      } else if (e.isFile()) {
        entries.add(new Entry(path, Kind.FILE, e.getSize(), ""));
      } else {
        entries.add(new Entry(path, Kind.OTHER, 0, ""));
      }
    }
    return new LayerContents(entries, deleted, opaque);
  }

  /** {@code ./usr/bin/}, {@code /usr/bin} and {@code usr/bin} are all {@code usr/bin}. */
  static String normalise(String name) {
    String p = name;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.startsWith("./") ? p.substring(2) : p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }

  /** Keeps the tar reader from closing the stream it reads from, which the caller owns. */
  private static final class Unclosable extends java.io.FilterInputStream {
    Unclosable(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
