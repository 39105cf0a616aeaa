package dev.layerlab.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Paths that differ between two builds of the original Dockerfile itself (bytecode stamped with
 * install times, logs, caches): a difference there says nothing about the rewrite, so it is
 * expected, and said to be so. Every other question goes to the rewrite's own expectations.
 */
public record NotReproducible(
    Set<String> paths, Set<String> directories, ExpectedDifferences rewrite)
    implements ExpectedDifferences {

  private static final String WHY = "two builds of the original differ here too";
  private static final String WHY_DIR =
      "two builds of the original put different files in this directory too";

  public NotReproducible {
    paths = Set.copyOf(paths);
    directories = Set.copyOf(directories);
  }

  /**
   * Reads the differences between two builds of the original: each differing path is noise, and so
   * is the directory of each file only one of them has (a log named after the time, say).
   */
  public static NotReproducible from(List<Difference> betweenOriginals, ExpectedDifferences then) {
    Set<String> paths = new HashSet<>();
    Set<String> directories = new HashSet<>();
    for (Difference d : betweenOriginals) {
      paths.add(d.where());
      if (d.what().startsWith("only in")) {
        int slash = d.where().lastIndexOf('/');
        if (slash > 0) {
          directories.add(d.where().substring(0, slash));
        }
      }
    }
    return new NotReproducible(paths, directories, then);
  }

  @Override
  public Optional<String> missingFromRewrite(String path) {
    return rewrite.missingFromRewrite(path).or(() -> noise(path)).or(() -> noisyDirectory(path));
  }

  @Override
  public Optional<String> changedInRewrite(String path) {
    return rewrite.changedInRewrite(path).or(() -> noise(path));
  }

  @Override
  public Optional<String> addedInRewrite(String path) {
    return rewrite.addedInRewrite(path).or(() -> noise(path)).or(() -> noisyDirectory(path));
  }

  private Optional<String> noisyDirectory(String path) {
    int slash = path.lastIndexOf('/');
    return slash > 0 && directories.contains(path.substring(0, slash))
        ? Optional.of(WHY_DIR)
        : Optional.empty();
  }

  private Optional<String> noise(String path) {
    return paths.contains(path) ? Optional.of(WHY) : Optional.empty();
  }
}
