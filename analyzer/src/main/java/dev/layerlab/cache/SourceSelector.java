package dev.layerlab.cache;

import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.EntryType;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which context paths a COPY or ADD source reads: {@code .} is everything, a directory is itself
 * and everything below it, a wildcard is each match (Go's {@code filepath.Match}, one path segment
 * per {@code *}) taken the same way, and a symlink named as the source is followed once.
 */
final class SourceSelector {

  private SourceSelector() {}

  /** The selected paths, or empty when nothing in the context matches. */
  static Optional<SortedMap<String, FileFacts>> select(ContextSnapshot context, String source) {
    String path = clean(source);
    SortedMap<String, FileFacts> out = new TreeMap<>();
    if (path.isEmpty()) {
      context.entries().forEach(e -> out.put(e.path(), FileFacts.of(e)));
      return Optional.of(out);
    }
    if (GoGlob.hasMeta(path)) {
      for (ContextEntry e : context.entries()) {
        if (GoGlob.matches(path, e.path())) {
          addTree(context, e, out);
        }
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
    Optional<ContextEntry> entry = context.entry(path);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    ContextEntry e = entry.get();
    if (e.type() == EntryType.SYMLINK && e.linkTarget() != null) {
      String target =
          e.linkTarget().startsWith("/") ? e.linkTarget() : parent(path) + e.linkTarget();
      Optional<ContextEntry> followed = context.entry(clean(target));
      if (followed.isPresent()) {
        ContextEntry t = followed.get();
        if (t.type() != EntryType.DIRECTORY) {
          out.put(path, FileFacts.of(t));
          return Optional.of(out);
        }
        addTree(context, t, out);
        return Optional.of(out);
      }
    }
    addTree(context, e, out);
    return Optional.of(out);
  }

  private static void addTree(
      ContextSnapshot context, ContextEntry top, SortedMap<String, FileFacts> out) {
    out.put(top.path(), FileFacts.of(top));
    if (top.type() != EntryType.DIRECTORY) {
      return;
    }
    String prefix = top.path() + "/";
    for (ContextEntry e : context.entries()) {
      if (e.path().startsWith(prefix)) {
        out.put(e.path(), FileFacts.of(e));
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /** A context-relative, slash-separated path: no leading slash, no {@code .} or {@code ..}. */
  static String clean(String source) {
    java.util.ArrayDeque<String> kept = new java.util.ArrayDeque<>();
    for (String element : source.split("/")) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        kept.pollLast();
        continue;
      }
      kept.addLast(element);
    }
    return String.join("/", kept);
  }
}
