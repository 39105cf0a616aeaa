package dev.layerlab.engine;

import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The entries the {@code docker} CLI sends the classic builder: everything the ignore rules keep,
 * plus the Dockerfile and {@code .dockerignore}, which the CLI always sends (the daemon reads them
 * and removes them again when they are ignored). BuildKit engines read the directory themselves.
 */
public final class ClassicContext {

  private ClassicContext() {}

  /** Relative '/'-separated paths, parents before children, for {@link BuildRequest}. */
  public static List<String> paths(Path root, String dockerfile) throws IOException {
    IgnoreRules rules;
    try {
      rules = IgnoreRules.forBuild(root, root.resolve(dockerfile), ContextSender.CLASSIC);
    } catch (IgnoreFileException e) {
      throw new IOException(e.getMessage(), e);
    }
    return paths(
        new ContextWalker(rules, SnapshotCache.none(), ContextSender.CLASSIC).snapshot(root),
        dockerfile);
  }

  /**
   * The same from a snapshot already taken with the classic client's rules, so that a caller that
   * has one does not walk and hash the context a second time.
   */
  public static List<String> paths(ContextSnapshot snapshot, String dockerfile) {
    TreeSet<String> paths = new TreeSet<>();
    for (ContextEntry entry : snapshot.entries()) {
      paths.add(entry.path());
    }
    for (String always : List.of(dockerfile, ".dockerignore")) {
      if (Files.isRegularFile(snapshot.root().resolve(always))) {
        addWithParents(paths, always);
      }
    }
    return List.copyOf(paths);
  }

  private static void addWithParents(TreeSet<String> paths, String path) {
    int slash = -1;
    while ((slash = path.indexOf('/', slash + 1)) >= 0) {
      paths.add(path.substring(0, slash));
    }
    paths.add(path);
  }
}
