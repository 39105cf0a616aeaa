package dev.layerlab.advice;

import java.util.List;
import java.util.Optional;

/**
 * What layerlab found in one Dockerfile and, where it can, the Dockerfile rewritten to fix it.
 *
 * @param findings in line order, then rule id
 * @param rewritten the improved Dockerfile's full text, if any finding could be fixed by moving
 *     lines
 * @param edits one sentence per change the rewrite made
 * @param suggestedDockerignore lines to add to .dockerignore, when LL002 measured waste
 * @param suppressed how many findings the configuration or inline comments left out
 * @param addedSteps the dependency-only steps the rewrite adds, where it adds any
 */
public record Analysis(
    List<Finding> findings,
    Optional<String> rewritten,
    List<String> edits,
    Optional<String> suggestedDockerignore,
    int suppressed,
    List<AddedStep> addedSteps) {

  /**
   * A dependency-only step the rewrite adds above the copy of the source. It fetches into the
   * package manager's local repository what the build used to fetch while compiling, and it may
   * fetch a little more (go-offline resolves every plugin a build could use), so the rewrite's
   * image can hold extra files there and nowhere else.
   *
   * @param line the line of the copy in the original Dockerfile that the step goes above
   * @param command the added RUN, e.g. {@code RUN mvn -B dependency:go-offline}
   * @param repository the directory the step fetches into: an absolute path, or {@code
   *     *&#47;.m2/repository} for a directory of that name under any home
   */
  public record AddedStep(int line, String command, String repository) {

    /** Whether {@code path}, an absolute path in an image, lies inside the repository. */
    public boolean holds(String path) {
      if (repository.startsWith("*/")) {
        String name = repository.substring(1);
        return path.endsWith(name) || path.contains(name + "/");
      }
      String dir =
          repository.length() > 1 && repository.endsWith("/")
              ? repository.substring(0, repository.length() - 1)
              : repository;
      return path.equals(dir) || path.startsWith(dir + "/");
    }
  }

  public Analysis {
    findings = List.copyOf(findings);
    edits = List.copyOf(edits);
    addedSteps = List.copyOf(addedSteps);
  }

  public Analysis(
      List<Finding> findings,
      Optional<String> rewritten,
      List<String> edits,
      Optional<String> suggestedDockerignore,
      int suppressed) {
    this(findings, rewritten, edits, suggestedDockerignore, suppressed, List.of());
  }

  public Analysis(List<Finding> findings, Optional<String> rewritten, List<String> edits) {
    this(findings, rewritten, edits, Optional.empty(), 0);
  }
}
