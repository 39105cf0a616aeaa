package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LL009: on BuildKit, a package manager's download cache can live in a cache mount that survives
 * between builds outside the image, so a re-run install downloads only what changed. Offered only
 * to users who build with BuildKit: the classic builder rejects {@code RUN --mount}.
 */
final class CacheMountRule extends CatalogRule {

  /** A package manager command and where it keeps its downloads (as root). */
  private record Manager(String name, Pattern command, String target, String note) {}

  private static final List<Manager> MANAGERS =
      List.of(
          new Manager(
              "pip",
              Pattern.compile(
                  "^(?!uv\\s)(?:\\S+=\\S*\\s+)*(?:\\S*/)?(?:pip3?(?:\\.\\d+)?|python3?\\S*\\s+-m\\s+pip)\\s+install\\b"),
              "/root/.cache/pip",
              " and drop --no-cache-dir, which would leave the mount empty"),
          new Manager(
              "uv", Pattern.compile("^uv\\s+(?:sync|pip\\s+install)\\b"), "/root/.cache/uv", ""),
          new Manager(
              "Poetry", Pattern.compile("^poetry\\s+install\\b"), "/root/.cache/pypoetry", ""),
          new Manager(
              "npm", Pattern.compile("^npm\\s+(?:ci|install|i)(?=\\s|$)"), "/root/.npm", ""),
          new Manager(
              "yarn",
              Pattern.compile("^yarn(?:\\s+install)?(?=\\s*(?:$|--))"),
              "/usr/local/share/.cache/yarn",
              ""),
          new Manager(
              "pnpm",
              Pattern.compile("^pnpm\\s+(?:install|i)\\b"),
              "/root/.local/share/pnpm/store",
              ""),
          new Manager(
              "apt",
              Pattern.compile("^(?:\\w+=\\S*\\s+)*apt(?:-get)?\\s+(?:.*\\s)?install\\b"),
              "/var/cache/apt",
              " (with sharing=locked, and remove /etc/apt/apt.conf.d/docker-clean, which empties it)"),
          new Manager(
              "Go",
              Pattern.compile("^go\\s+(?:mod\\s+download|build|install)\\b"),
              "/go/pkg/mod",
              ""),
          new Manager(
              "Cargo",
              Pattern.compile("^cargo\\s+(?:fetch|build|install)\\b"),
              "/usr/local/cargo/registry",
              ""),
          new Manager("Maven", Pattern.compile("(?:^|/)mvnw?\\s"), "/root/.m2", ""),
          new Manager(
              "Gradle", Pattern.compile("(?:^|/)(?:gradle|gradlew)\\s"), "/root/.gradle", ""),
          new Manager(
              ".NET",
              Pattern.compile("^dotnet\\s+(?:restore|publish|build)\\b"),
              "/root/.nuget/packages",
              ""));

  CacheMountRule() {
    super(
        "LL009",
        Severity.INFO,
        "no BuildKit cache mount for the package manager",
        "When a dependency step re-runs (its manifest changed, or an earlier step missed), the"
            + " package manager starts with an empty cache and downloads everything again. On"
            + " BuildKit, `RUN --mount=type=cache` keeps the package manager's cache between builds"
            + " outside the image: it does not enter the step's cache key or the layer, so a"
            + " re-run downloads only what changed. Reported only for `--builder buildkit`: the"
            + " classic builder rejects RUN --mount.",
        "Mount the package manager's cache directory, e.g. `RUN"
            + " --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt`.",
        "# built with BuildKit\nRUN pip install -r requirements.txt");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    if (input.builder() != BuilderKind.BUILDKIT) {
      return findings;
    }
    for (Instruction ins : input.dockerfile().instructions()) {
      if (!ins.keyword().equals("RUN")) {
        continue;
      }
      RunScript script = RunScript.of(ins);
      Set<Manager> missing = new LinkedHashSet<>();
      for (String command : script.commands()) {
        for (Manager m : MANAGERS) {
          if (m.command().matcher(command).find() && !script.cacheMounted(m.target())) {
            missing.add(m);
          }
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      List<String> mounts =
          missing.stream().map(m -> "--mount=type=cache,target=" + m.target()).toList();
      String message =
          words(ins)
              + " (line "
              + ins.startLine()
              + ") downloads "
              + String.join(" and ", missing.stream().map(Manager::name).toList())
              + " packages afresh whenever it re-runs; a BuildKit cache mount would keep them"
              + " between builds";
      String fix =
          "RUN "
              + String.join(" ", mounts)
              + " ..."
              + String.join("", missing.stream().map(Manager::note).toList());
      findings.add(finding(input.dockerfile(), ins, message, fix));
    }
    return findings;
  }
}
