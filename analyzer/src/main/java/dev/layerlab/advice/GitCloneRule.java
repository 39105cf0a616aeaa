package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LL007: a RUN clones a git repository. The step is keyed by its command text, so a warm cache
 * keeps the first clone for ever, and new commits arrive only by accident.
 */
final class GitCloneRule extends CatalogRule {

  private static final Pattern CLONE = Pattern.compile("^git\\s+(?:.*\\s)?clone\\b");
  private static final Pattern PINNED =
      Pattern.compile(
          "\\bgit\\s+(?:.*\\s)?(?:checkout|reset\\s+--hard|switch\\s+--detach)\\s+[0-9a-f]{40}\\b"
              + "|(?:--branch|-b)[=\\s]+v?\\d+(?:\\.\\d+)+\\b");

  GitCloneRule() {
    super(
        "LL007",
        Severity.WARNING,
        "RUN git clone is cached by its command text",
        "Neither builder looks at the remote repository when it checks the cache for a RUN: the"
            + " key is the command line. Once `RUN git clone` is cached, rebuilds reuse the clone"
            + " from the first build and new commits never arrive until the line changes or the"
            + " cache is dropped; and when an earlier step misses for an unrelated reason, the"
            + " clone silently jumps to whatever the branch holds that day.",
        "Pin the commit (`git clone ... && git checkout <full sha>`) and change the line to"
            + " update it; on BuildKit `ADD <repo>.git#<ref> <dir>` resolves the ref on every build"
            + " and re-clones only when it moved; or copy the sources from the build context.",
        "RUN git clone https://example.com/lib.git /opt/lib");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction ins : input.dockerfile().instructions()) {
      if (!ins.keyword().equals("RUN")) {
        continue;
      }
      RunScript script = RunScript.of(ins);
      if (!script.anyCommandMatches(CLONE) || script.matches(PINNED)) {
        continue;
      }
      String message =
          words(ins)
              + " (line "
              + ins.startLine()
              + ") is cached by its command text: rebuilds keep the first clone and never see"
              + " new commits until the line changes";
      String fix =
          input.builder() == BuilderKind.BUILDKIT
              ? "use `ADD <repo>.git#<ref> <dir>`, which BuildKit re-resolves on every build,"
                  + " or pin a commit with git checkout <sha>"
              : "pin a commit (git checkout <full sha>) and change the line to update it, or"
                  + " copy the sources from the build context";
      findings.add(finding(input.dockerfile(), ins, message, fix));
    }
    return findings;
  }
}
