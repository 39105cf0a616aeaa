package dev.layerlab.scenario;

import dev.layerlab.cache.CacheSemantics;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.scenario.ProjectPatterns.Pick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user's own project benched without a scenario file: one variant, the project's Dockerfile (the
 * bench adds its rewrite when the rules offer one), and change patterns chosen from the project's
 * files by {@link ProjectPatterns}. Everything works on a copy taken once at the start, so the
 * project is only ever read, and a project edited during the bench does not change what is benched.
 */
public final class ProjectScenario implements AutoCloseable {

  private final Scenario scenario;
  private final List<Pick> picks;
  private final ScratchCopy staging;

  private ProjectScenario(Scenario scenario, List<Pick> picks, ScratchCopy staging) {
    this.scenario = scenario;
    this.picks = List.copyOf(picks);
    this.staging = staging;
  }

  /** The scenario to bench; its directory is the copy, never the project. */
  public Scenario scenario() {
    return scenario;
  }

  /** Every pattern with its file or why it was left out, in bench order. */
  public List<Pick> picks() {
    return picks;
  }

  /**
   * Checks the input, copies the project under {@code scratchDir} and chooses the patterns.
   *
   * @param project the build context
   * @param dockerfile the Dockerfile, or null for {@code project/Dockerfile}
   * @param ready a start-up ready pattern, if start-ups are to be timed
   * @param sender whose {@code .dockerignore} rules shape the context
   */
  public static ProjectScenario prepare(
      Path project,
      Path dockerfile,
      Optional<String> ready,
      Path scratchDir,
      ContextSender sender,
      Map<String, String> buildArgs)
      throws ScenarioException, IOException {
    Path root = project.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ScenarioException(
          project + ": not a directory; --project names the build context of your docker build");
    }
    Path file =
        dockerfile == null ? root.resolve("Dockerfile") : dockerfile.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException(
          file + ": no such Dockerfile; name the project's Dockerfile with --dockerfile");
    }
    if (!file.startsWith(root) || !file.toRealPath().startsWith(root.toRealPath())) {
      throw new ScenarioException(
          file
              + ": the Dockerfile is outside the project "
              + root
              + "; layerlab benches a copy of the project, so move the Dockerfile into it");
    }
    String relative = root.relativize(file).toString().replace('\\', '/');
    String name = name(root);

    ScratchCopy staging = ScratchCopy.of(root, scratchDir, name + "-project");
    try {
      Path copy = staging.root();
      Dockerfile parsed;
      IgnoreRules rules;
      try {
        parsed = DockerfileParser.parse(copy.resolve(relative));
        rules = IgnoreRules.forBuild(copy, copy.resolve(relative), sender);
      } catch (DockerfileException | IgnoreFileException e) {
        throw new ScenarioException(e.getMessage().replace(copy.toString(), root.toString()), e);
      }
      ContextSnapshot context =
          new ContextWalker(rules, SnapshotCache.empty(), sender).snapshot(copy);
      CacheSemantics semantics =
          sender == ContextSender.BUILDKIT ? CacheSemantics.BUILDKIT : CacheSemantics.CLASSIC;
      List<Pick> picks;
      try {
        picks = ProjectPatterns.pick(context, rules, parsed, relative, semantics, buildArgs);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(file + ": " + e.getMessage(), e);
      }

      Map<ChangePattern, String> changes = new LinkedHashMap<>();
      picks.forEach(p -> p.file().ifPresent(f -> changes.put(p.pattern(), f)));
      Scenario scenario =
          new Scenario(
              name,
              "the project " + root.getFileName() + ", built with " + relative,
              copy,
              Map.of(variantName(relative), relative),
              changes,
              List.of(),
              ready.map(r -> new StartupSpec(r, Optional.empty())));
      return new ProjectScenario(scenario, picks, staging);
    } catch (ScenarioException | IOException | RuntimeException e) {
      staging.close();
      throw e;
    }
  }

  /** The variant's name: the Dockerfile's file name, lower case. */
  static String variantName(String dockerfile) {
    String base = dockerfile.substring(dockerfile.lastIndexOf('/') + 1);
    return safe(base.toLowerCase(Locale.ROOT));
  }

  private static String name(Path root) {
    Path last = root.getFileName();
    return last == null ? "project" : safe(last.toString());
  }

  private static String safe(String s) {
    String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "-");
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "project" + cleaned : cleaned;
  }

  @Override
  public void close() throws IOException {
    staging.close();
  }
}
