package dev.layerlab.layers;

import dev.layerlab.layers.LayerContents.Entry;
import dev.layerlab.layers.LayerContents.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Lays an image's layers over each other as the storage driver does and counts the file content no
 * container can see: a version of a file that a later layer writes again, deletes (a whiteout of it
 * or of a directory above it), hides (an opaque directory above it) or replaces (a file where a
 * directory above it was). A hard link's names share one content, which is wasted only once every
 * name is hidden.
 */
public final class WasteAnalysis {

  /** A file version no container sees; layers are 1-based. */
  public record Wasted(String path, long bytes, int writtenLayer, int removedLayer, String how) {}

  /**
   * @param totalBytes content bytes of every regular file of every layer
   * @param wastedBytes the part of them no container sees
   * @param wasted every wasted version, largest first
   */
  public record Result(long totalBytes, long wastedBytes, List<Wasted> wasted) {
    public Result {
      wasted = List.copyOf(wasted);
    }
  }

  /** One content: a regular file and the hard links to it. */
  private static final class Content {
    final long bytes;
    final int layer;
    int visibleNames;

    Content(long bytes, int layer) {
      this.bytes = bytes;
      this.layer = layer;
    }
  }

  /** A path as some layer wrote it. */
  private record Version(String path, Kind kind, int layer, Content content) {}

  private final NavigableMap<String, Version> visible = new TreeMap<>();
  private final List<Wasted> wasted = new ArrayList<>();
  private long total;
  private long wastedBytes;

  private WasteAnalysis() {}

  /** Analyses layers given bottom first. */
  public static Result of(List<LayerContents> layers) {
    WasteAnalysis a = new WasteAnalysis();
    for (int i = 0; i < layers.size(); i++) {
      a.apply(layers.get(i), i + 1);
    }
    List<Wasted> sorted = new ArrayList<>(a.wasted);
    sorted.sort(
        java.util.Comparator.comparingLong(Wasted::bytes).reversed().thenComparing(Wasted::path));
    return new Result(a.total, a.wastedBytes, sorted);
  }

  private void apply(LayerContents layer, int number) {
    // Whiteouts act on the layers below only, so they go before this layer's own entries.
    for (String dir : layer.opaque()) {
      hideBelow(dir, number, "opaque");
    }
    for (String path : layer.deleted()) {
      hide(path, number, "deleted");
      hideBelow(path, number, "deleted");
    }
    Map<String, Content> ownFiles = new HashMap<>();
    for (Entry e : layer.entries()) {
      hideFileAncestors(e.path(), number);
      Version old = visible.get(e.path());
      boolean bothDirectories =
          old != null && old.kind() == Kind.DIRECTORY && e.kind() == Kind.DIRECTORY;
      if (old != null && !bothDirectories) {
        hide(e.path(), number, "overwritten");
        if (old.kind() == Kind.DIRECTORY) {
          hideBelow(e.path(), number, "replaced");
        }
      }
      Content content = null;
      if (e.kind() == Kind.FILE) {
        content = new Content(e.bytes(), number);
        total += e.bytes();
        ownFiles.put(e.path(), content);
      } else if (e.kind() == Kind.HARD_LINK) {
        // The link's content is its target's, written in this layer; a target that is not in the
        // layer adds no content here either.
        content = ownFiles.get(e.linkTarget());
      }
      if (content != null) {
        content.visibleNames++;
      }
      visible.put(e.path(), new Version(e.path(), e.kind(), number, content));
    }
  }

  /** A file (not a directory) at an ancestor of {@code path} is replaced by the directory. */
  private void hideFileAncestors(String path, int layer) {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      String ancestor = path.substring(0, slash);
      Version v = visible.get(ancestor);
      if (v != null && v.kind() != Kind.DIRECTORY) {
        hide(ancestor, layer, "replaced");
      }
    }
  }

  /** Hides everything strictly under {@code dir}; {@code ""} is the root. */
  private void hideBelow(String dir, int layer, String how) {
    NavigableMap<String, Version> below =
        dir.isEmpty() ? visible : visible.subMap(dir + "/", true, dir + "0", false);
    for (String path : new ArrayList<>(below.keySet())) {
      hide(path, layer, how);
    }
  }

  private void hide(String path, int layer, String how) {
    Version v = visible.remove(path);
    if (v == null || v.content() == null) {
      return;
    }
    Content c = v.content();
    if (--c.visibleNames == 0) {
      wastedBytes += c.bytes;
      wasted.add(new Wasted(path, c.bytes, c.layer, layer, how));
    }
  }
}
