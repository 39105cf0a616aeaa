package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LL005: a package manager leaves its download cache or index in the layer it installs in, where it
 * ships with the image and is never used again.
 */
final class PackageCacheRule extends CatalogRule {

  /**
   * One package manager's leftover.
   *
   * @param name what is left, for the message
   * @param path where it is left
   * @param command the command that leaves it
   * @param cleaned what in the same RUN removes it or keeps it from being written
   * @param perCommand whether {@code cleaned} must be on the installing command itself (a flag)
   * @param fix how to avoid it
   */
  private record Leftover(
      String name, String path, Pattern command, Pattern cleaned, boolean perCommand, String fix) {}

  private static final List<Leftover> LEFTOVERS =
      List.of(
          new Leftover(
              "the apt package lists",
              "/var/lib/apt/lists",
              Pattern.compile("^(?:\\w+=\\S*\\s+)*apt(?:-get)?\\s+(?:.*\\s)?update\\b"),
              Pattern.compile("\\brm\\s+.*/var/lib/apt/lists"),
              false,
              "end the RUN with `rm -rf /var/lib/apt/lists/*`"),
          new Leftover(
              "pip's download cache",
              "/root/.cache/pip",
              Pattern.compile(
                  "^(?!uv\\s)(?:\\S+=\\S*\\s+)*(?:\\S*/)?(?:pip3?(?:\\.\\d+)?|python3?\\S*\\s+-m\\s+pip)\\s+install\\b"),
              Pattern.compile("--no-cache-dir|PIP_NO_CACHE_DIR"),
              true,
              "add `--no-cache-dir` to pip install"),
          new Leftover(
              "npm's cache",
              "/root/.npm",
              Pattern.compile("^(?:\\w+=\\S*\\s+)*npm\\s+(?:ci|install|i)(?=\\s|$)"),
              Pattern.compile("\\bnpm\\s+cache\\s+clean\\b|rm\\s+.*\\.npm"),
              false,
              "end the RUN with `npm cache clean --force`"),
          new Leftover(
              "yarn's cache",
              "/usr/local/share/.cache/yarn",
              Pattern.compile("^(?:\\w+=\\S*\\s+)*yarn(?:\\s+install)?(?=\\s*(?:$|--))"),
              Pattern.compile("\\byarn\\s+cache\\s+clean\\b"),
              false,
              "end the RUN with `yarn cache clean`"),
          new Leftover(
              "the apk cache",
              "/var/cache/apk",
              Pattern.compile("^apk\\s+(?:.*\\s)?add\\b"),
              Pattern.compile("--no-cache|rm\\s+.*/var/cache/apk"),
              false,
              "use `apk add --no-cache`"),
          new Leftover(
              "the yum/dnf cache",
              "/var/cache/dnf",
              Pattern.compile("^(?:yum|dnf|microdnf)\\s+(?:.*\\s)?install\\b"),
              Pattern.compile(
                  "\\b(?:yum|dnf|microdnf)\\s+clean\\s+all\\b|rm\\s+.*/var/cache/(?:yum|dnf)"),
              false,
              "end the RUN with `yum clean all` (or `dnf clean all`)"));

  PackageCacheRule() {
    super(
        "LL005",
        Severity.WARNING,
        "package manager cache left in a layer",
        "Package managers keep their downloads and indexes (apt's package lists, pip's and npm's"
            + " caches, apk's index) so that the next install is faster, but in an image layer"
            + " there is no next install: the files ship with every pull of the image and every"
            + " layer built on it, and a later `rm` cannot take them out of the layer that wrote"
            + " them.",
        "Clean up in the same RUN that installs (`rm -rf /var/lib/apt/lists/*`, `pip install"
            + " --no-cache-dir`, `npm cache clean --force`, `apk add --no-cache`), or on BuildKit"
            + " keep the cache outside the image with `RUN --mount=type=cache`.",
        "RUN apt-get update && apt-get install -y curl\nRUN pip install -r requirements.txt");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      boolean pipNoCacheEnv = false;
      for (Instruction ins : stage.body()) {
        if ((ins.keyword().equals("ENV") || ins.keyword().equals("ARG"))
            && ins.original().contains("PIP_NO_CACHE_DIR")) {
          pipNoCacheEnv = true;
        }
        if (!ins.keyword().equals("RUN")) {
          continue;
        }
        RunScript script = RunScript.of(ins);
        List<Leftover> left = new ArrayList<>();
        for (Leftover l : LEFTOVERS) {
          if (l.path().equals("/root/.cache/pip") && pipNoCacheEnv) {
            continue;
          }
          boolean writes =
              script.commands().stream()
                  .anyMatch(c -> l.command().matcher(c).find() && !l.cleaned().matcher(c).find());
          boolean cleanedLater =
              script.commands().stream().anyMatch(c -> l.cleaned().matcher(c).find());
          boolean mountedOrCleaned =
              (cleanedLater && !l.perCommand()) || script.cacheMounted(l.path());
          if (writes && !mountedOrCleaned) {
            left.add(l);
          }
        }
        if (left.isEmpty()) {
          continue;
        }
        String message =
            words(ins)
                + " (line "
                + ins.startLine()
                + ") leaves "
                + String.join(
                    " and ", left.stream().map(l -> l.name() + " (" + l.path() + ")").toList())
                + " in its layer, shipped with the image and never used again";
        String fix = String.join("; ", left.stream().map(Leftover::fix).toList());
        findings.add(finding(input.dockerfile(), ins, message, fix));
      }
    }
    return findings;
  }
}
