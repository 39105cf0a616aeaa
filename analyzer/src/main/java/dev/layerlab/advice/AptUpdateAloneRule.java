package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LL004: the package index is refreshed in a RUN of its own, and packages are installed in a later
 * RUN, which then reads the index cached with the first step.
 */
final class AptUpdateAloneRule extends CatalogRule {

  private static final Pattern APT_UPDATE =
      Pattern.compile("^(?:\\w+=\\S*\\s+)*apt(?:-get)?\\s+(?:.*\\s)?update\\b");
  private static final Pattern APT_INSTALL =
      Pattern.compile("^(?:\\w+=\\S*\\s+)*apt(?:-get)?\\s+(?:.*\\s)?install\\b");
  private static final Pattern APK_UPDATE = Pattern.compile("^apk\\s+(?:.*\\s)?update\\b");
  private static final Pattern APK_ADD = Pattern.compile("^apk\\s+(?:.*\\s)?add\\b");

  AptUpdateAloneRule() {
    super(
        "LL004",
        Severity.WARNING,
        "package index update in a RUN of its own",
        "A RUN's cache key is its command text, not what it downloads. When `apt-get update`"
            + " is a step of its own, its layer keeps the package index from the day it first"
            + " ran; a later `apt-get install` step that changes re-runs against that old index,"
            + " installs outdated versions, and fails once the mirror has dropped them.",
        "Refresh the index and install in the same RUN: `RUN apt-get update && apt-get install"
            + " -y --no-install-recommends <packages> && rm -rf /var/lib/apt/lists/*` (on Alpine,"
            + " `apk add --no-cache <packages>`).",
        "RUN apt-get update\nRUN apt-get install -y curl");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      List<Instruction> body = stage.body();
      for (int i = 0; i < body.size(); i++) {
        if (!body.get(i).keyword().equals("RUN")) {
          continue;
        }
        RunScript script = RunScript.of(body.get(i));
        boolean apt =
            script.anyCommandMatches(APT_UPDATE) && !script.anyCommandMatches(APT_INSTALL);
        boolean apk = script.anyCommandMatches(APK_UPDATE) && !script.anyCommandMatches(APK_ADD);
        if (!apt && !apk) {
          continue;
        }
        Pattern install = apt ? APT_INSTALL : APK_ADD;
        for (Instruction later : body.subList(i + 1, body.size())) {
          if (later.keyword().equals("RUN") && RunScript.of(later).anyCommandMatches(install)) {
            String message =
                words(body.get(i))
                    + " (line "
                    + body.get(i).startLine()
                    + ") refreshes the package index in a step of its own, so "
                    + words(later)
                    + " (line "
                    + later.startLine()
                    + ") installs from the index cached with that step, however old";
            String fix =
                apt
                    ? "run apt-get update and apt-get install in the same RUN, and remove"
                        + " /var/lib/apt/lists/* at its end"
                    : "drop apk update and install with `apk add --no-cache`";
            findings.add(finding(input.dockerfile(), body.get(i), message, fix));
            break;
          }
        }
      }
    }
    return findings;
  }
}
