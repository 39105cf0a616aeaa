package dev.layerlab.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario project: a directory with Dockerfile variants, the files each change pattern edits,
 * and how to start the app.
 *
 * @param name the scenario's name
 * @param description one sentence for reports
 * @param directory the project directory (never modified)
 * @param variants variant name to Dockerfile path relative to the directory, in file order
 * @param changes change pattern to the file it edits, relative to the directory, in file order
 * @param buildArgsFromEnv build arguments passed from layerlab's environment when set
 * @param startup how to start the app, if the scenario says
 */
public record Scenario(
    String name,
    String description,
    Path directory,
    Map<String, String> variants,
    Map<ChangePattern, String> changes,
    List<String> buildArgsFromEnv,
    Optional<StartupSpec> startup) {

  public Scenario {
    variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
    changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    buildArgsFromEnv = List.copyOf(buildArgsFromEnv);
  }

  public Path dockerfile(String variant) {
    return directory.resolve(variants.get(variant));
  }

  /** The change patterns a bench runs, {@code no-change} first. */
  public List<ChangePattern> patterns() {
    List<ChangePattern> all = new java.util.ArrayList<>();
    all.add(ChangePattern.NO_CHANGE);
    changes.keySet().stream().filter(ChangePattern::editsAFile).forEach(all::add);
    return List.copyOf(all);
  }
}
