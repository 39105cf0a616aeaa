package dev.layerlab.layers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars the way Docker writes them: paths relative to the root, whiteout files. */
final class LayerTars {

  private final List<Object[]> entries = new ArrayList<>();

  static LayerTars layer() {
    return new LayerTars();
  }

  LayerTars dir(String path) {
    entries.add(new Object[] {"dir", path});
    return this;
  }

  LayerTars file(String path, int bytes) {
    entries.add(new Object[] {"file", path, bytes});
    return this;
  }

  LayerTars hardLink(String path, String target) {
    entries.add(new Object[] {"link", path, target});
    return this;
  }

  LayerTars symlink(String path, String target) {
    entries.add(new Object[] {"symlink", path, target});
    return this;
  }

  /** A whiteout: {@code path} is deleted, with everything under it. */
  LayerTars whiteout(String path) {
    int slash = path.lastIndexOf('/');
    String name = ".wh." + path.substring(slash + 1);
    return file(slash < 0 ? name : path.substring(0, slash + 1) + name, 0);
  }

  /** An opaque directory: what lower layers had under {@code dir} is hidden. */
  LayerTars opaque(String dir) {
    return file(dir + "/.wh..wh..opq", 0);
  }

  byte[] tar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Object[] e : entries) {
        String kind = (String) e[0];
        String path = (String) e[1];
        switch (kind) {
          case "dir" -> {
            out.putArchiveEntry(new TarArchiveEntry(path + "/"));
            out.closeArchiveEntry();
          }
          case "file" -> {
            TarArchiveEntry entry = new TarArchiveEntry(path);
            int size = (Integer) e[2];
            entry.setSize(size);
            out.putArchiveEntry(entry);
            out.write(new byte[size]);
            out.closeArchiveEntry();
          }
          default -> {
            TarArchiveEntry entry =
                new TarArchiveEntry(
                    path, kind.equals("link") ? TarConstants.LF_LINK : TarConstants.LF_SYMLINK);
            entry.setLinkName((String) e[2]);
            out.putArchiveEntry(entry);
            out.closeArchiveEntry();
          }
        }
      }
    }
    return bytes.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
