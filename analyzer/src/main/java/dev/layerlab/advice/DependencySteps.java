package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dependency steps of a Dockerfile and the manifest files package managers read, for tools
 * outside the rules (the bench of a user's project picks the manifest to edit from them).
 */
public final class DependencySteps {

  /**
   * A RUN that installs or builds with a package manager.
   *
   * @param stage the stage's index
   * @param line the RUN's first line
   * @param manager the package manager, e.g. {@code pip}, {@code npm}
   * @param manifests the manifest names the step reads, as written or by convention
   * @param sourceExtensions file extensions of the source this ecosystem builds
   */
  public record Step(
      int stage, int line, String manager, List<String> manifests, Set<String> sourceExtensions) {
    public Step {
      manifests = List.copyOf(manifests);
      sourceExtensions = Set.copyOf(sourceExtensions);
    }
  }

  private static final Pattern REQUIREMENTS = Pattern.compile("requirements[\\w.-]*\\.(?:txt|in)");
  private static final Pattern LOCK =
      Pattern.compile("(?:.*\\.lock|.*-lock\\.(?:json|yaml)|go\\.sum|gradlew|gradle)");

  private DependencySteps() {}

  /** Every dependency step, in file order. */
  public static List<Step> of(Dockerfile dockerfile) {
    List<Step> steps = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction ins : stage.body()) {
        if (!ins.keyword().equals("RUN")) {
          continue;
        }
        Optional<Ecosystem.Recognised> r = Ecosystem.recognise(RunScript.of(ins));
        r.ifPresent(
            rec ->
                steps.add(
                    new Step(
                        stage.index(),
                        ins.startLine(),
                        rec.ecosystem().displayName(),
                        rec.manifests(),
                        sourceExtensions(rec.ecosystem()))));
      }
    }
    return List.copyOf(steps);
  }

  /**
   * Whether a file (a context path or a bare name) is a dependency manifest some package manager
   * reads, lock files excluded: they are written by the tool, not edited by people.
   */
  public static boolean isManifest(String path) {
    String name = baseName(path);
    if (isLockFile(name)) {
      return false;
    }
    if (REQUIREMENTS.matcher(name).matches() || name.endsWith(".csproj")) {
      return true;
    }
    for (Ecosystem e : Ecosystem.values()) {
      if (e.defaultManifests().contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a file is a lock file or build wrapper a package manager writes. */
  public static boolean isLockFile(String path) {
    return LOCK.matcher(baseName(path)).matches();
  }

  /** Whether a step reads a manifest of this name (a path as written, or a name by convention). */
  public static boolean reads(Step step, String path) {
    String name = baseName(path);
    for (String m : step.manifests()) {
      String wanted = baseName(m);
      if (wanted.equals(name)
          || (wanted.startsWith("*.") && name.endsWith(wanted.substring(1)))
          || (m.contains("/") && path.endsWith(m.replaceFirst("^\\./", "")))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the step names this context path itself (e.g. {@code -r services/a/req.txt}). */
  public static boolean namesPath(Step step, String path) {
    return step.manifests().stream()
        .map(m -> m.replaceFirst("^\\./", ""))
        .anyMatch(m -> m.contains("/") && (path.equals(m) || path.endsWith("/" + m)));
  }

  private static Set<String> sourceExtensions(Ecosystem e) {
    return switch (e) {
      case PIP, PIPENV, POETRY, UV, PDM -> Set.of("py");
      case NPM, YARN, PNPM -> Set.of("js", "mjs", "cjs", "ts", "tsx", "jsx");
      case MAVEN, GRADLE -> Set.of("java", "kt", "scala", "groovy");
      case GO -> Set.of("go");
      case CARGO -> Set.of("rs");
      case BUNDLER -> Set.of("rb");
      case COMPOSER -> Set.of("php");
      case DOTNET -> Set.of("cs", "fs", "vb");
    };
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
