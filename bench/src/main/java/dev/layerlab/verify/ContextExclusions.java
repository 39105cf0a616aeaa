package dev.layerlab.verify;

import java.util.Optional;
import java.util.Set;

/**
 * The differences a rewrite intends: context paths its {@code .dockerignore} leaves out may be
 * missing from the image, and the Dockerfile and {@code .dockerignore} themselves, where copied,
 * differ, are new, or, when the new {@code .dockerignore} names them, are missing. An image path
 * matches a context path when it ends with it, since the destination of a {@code COPY} is not known
 * here.
 */
public record ContextExclusions(Set<String> excluded, Set<String> rewrittenFiles)
    implements ExpectedDifferences {

  public ContextExclusions {
    excluded = Set.copyOf(excluded);
    rewrittenFiles = Set.copyOf(rewrittenFiles);
  }

  @Override
  public Optional<String> missingFromRewrite(String path) {
    return matching(path, excluded)
        .map(p -> "the rewrite's .dockerignore leaves out " + p)
        .or(
            () ->
                matching(path, rewrittenFiles)
                    .map(p -> "the rewrite's .dockerignore leaves out " + p));
  }

  @Override
  public Optional<String> changedInRewrite(String path) {
    return matching(path, rewrittenFiles).map(p -> p + " is itself rewritten");
  }

  @Override
  public Optional<String> addedInRewrite(String path) {
    return matching(path, rewrittenFiles).map(p -> p + " is new in the rewrite");
  }

  private static Optional<String> matching(String imagePath, Set<String> contextPaths) {
    return contextPaths.stream()
        .filter(p -> imagePath.equals("/" + p) || imagePath.endsWith("/" + p))
        .findFirst();
  }
}
