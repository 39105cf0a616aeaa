package dev.layerlab.advice;

import java.util.List;
import java.util.Optional;

/**
 * What layerlab found in one Dockerfile and, where it can, the Dockerfile rewritten to fix it.
 *
 * @param findings in line order, then rule id
 * @param rewritten the improved Dockerfile's full text, if any finding could be fixed by moving
 *     lines or by adding a dependency-only step
 * @param edits one sentence per change the rewrite made
 * @param suggestedDockerignore lines to add to .dockerignore, when LL002 measured waste
 * @param suppressed how many findings the configuration or inline comments left out
 * @param addedSteps the dependency-only steps the rewrite adds, where it adds any
 * @param fixes each rewritable finding's own edit of the original text
 */
public record Analysis(
    List<Finding> findings,
    Optional<String> rewritten,
    List<String> edits,
    Optional<String> suggestedDockerignore,
    int suppressed,
    List<AddedStep> addedSteps,
    List<Fix> fixes) {

  /**
   * One finding's edit, for tools that apply fixes one by one (SARIF's {@code fixes}).
   *
   * @param ruleId the finding's rule
   * @param line the finding's line
   * @param description what the edit does
   * @param replacement the edit, on the original text
   */
  public record Fix(String ruleId, int line, String description, Replacement replacement) {}

  /**
   * Whole lines of the original text replaced by new text: the region runs from {@code
   * startLine:startColumn} up to, not including, {@code endLine:endColumn} (1-based), empty for an
   * insertion.
   */
  public record Replacement(
      int startLine, int startColumn, int endLine, int endColumn, String text) {

    /** The smallest whole-line replacement that turns {@code from} into {@code to}. */
    static Replacement between(String from, String to) {
      int prefix = 0;
      int max = Math.min(from.length(), to.length());
      while (prefix < max && from.charAt(prefix) == to.charAt(prefix)) {
        prefix++;
      }
      prefix = from.lastIndexOf('\n', prefix - 1) + 1;
      int suffix = 0;
      while (suffix < max - prefix
          && from.charAt(from.length() - 1 - suffix) == to.charAt(to.length() - 1 - suffix)) {
        suffix++;
      }
      while (suffix > 0
          && !(atLineStart(from, from.length() - suffix)
              && atLineStart(to, to.length() - suffix))) {
        suffix--;
      }
      int end = from.length() - suffix;
      return new Replacement(
          lineOf(from, prefix),
          columnOf(from, prefix),
          lineOf(from, end),
          columnOf(from, end),
          to.substring(prefix, to.length() - suffix));
    }

    /** The text with this replacement made. */
    public String applyTo(String original) {
      int start = offset(original, startLine, startColumn);
      int end = offset(original, endLine, endColumn);
      return original.substring(0, start) + text + original.substring(end);
    }

    private static boolean atLineStart(String s, int i) {
      return i == 0 || s.charAt(i - 1) == '\n';
    }

    private static int lineOf(String s, int offset) {
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (s.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }

    private static int columnOf(String s, int offset) {
      return offset - (s.lastIndexOf('\n', offset - 1) + 1) + 1;
    }

    private static int offset(String s, int line, int column) {
      int i = 0;
      for (int l = 1; l < line; l++) {
        i = s.indexOf('\n', i) + 1;
      }
      return i + column - 1;
    }
  }

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
    fixes = List.copyOf(fixes);
  }

  public Analysis(
      List<Finding> findings,
      Optional<String> rewritten,
      List<String> edits,
      Optional<String> suggestedDockerignore,
      int suppressed) {
    this(findings, rewritten, edits, suggestedDockerignore, suppressed, List.of(), List.of());
  }

  public Analysis(List<Finding> findings, Optional<String> rewritten, List<String> edits) {
    this(findings, rewritten, edits, Optional.empty(), 0);
  }
}
