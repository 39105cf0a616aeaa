package dev.layerlab.verify;

import java.util.Optional;
import java.util.Set;

/**
 * Paths that differ between two builds of the original Dockerfile itself (bytecode stamped with
 * install times, logs, caches): a difference there says nothing about the rewrite, so it is
 * expected, and said to be so. Every other question goes to the rewrite's own expectations.
 */
public record NotReproducible(Set<String> paths, ExpectedDifferences rewrite)
    implements ExpectedDifferences {

  private static final String WHY = "two builds of the original differ here too";

  public NotReproducible {
    paths = Set.copyOf(paths);
  }

  @Override
  public Optional<String> missingFromRewrite(String path) {
    return rewrite.missingFromRewrite(path).or(() -> noise(path));
  }

  @Override
  public Optional<String> changedInRewrite(String path) {
    return rewrite.changedInRewrite(path).or(() -> noise(path));
  }

  @Override
  public Optional<String> addedInRewrite(String path) {
    return rewrite.addedInRewrite(path).or(() -> noise(path));
  }

  private Optional<String> noise(String path) {
    return paths.contains(path) ? Optional.of(WHY) : Optional.empty();
  }
}
