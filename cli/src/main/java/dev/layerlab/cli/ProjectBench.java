package dev.layerlab.cli;

import dev.layerlab.context.ContextSender;
import dev.layerlab.scenario.ProjectPatterns.Pick;
import dev.layerlab.scenario.ProjectScenario;
import dev.layerlab.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code layerlab bench --project PATH}: a user's own project benched like a scenario, on a copy,
 * with the change patterns chosen from its files and printed with their reasons before any build.
 */
final class ProjectBench {

  private ProjectBench() {}

  /** Refuses option combinations that mean nothing, before anything is read. */
  static void checkOptions(BenchCommand cmd) {
    if (cmd.projectDir == null && (cmd.dockerfileOption != null || cmd.readyPattern != null)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--dockerfile and --ready go with --project PATH; a scenario names its Dockerfiles and"
              + " start-up in scenario.yaml");
    }
    if (cmd.projectDir != null && cmd.scenarioDir != null) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "name either a scenario directory or --project PATH, not both ("
              + cmd.scenarioDir
              + ", "
              + cmd.projectDir
              + ")");
    }
    if (cmd.projectDir == null && cmd.scenarioDir == null) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "name a scenario directory (layerlab bench scenarios/python-app) or your project"
              + " (layerlab bench --project PATH)");
    }
  }

  static int run(BenchCommand cmd) {
    checkOptions(cmd);
    Optional<String> ready = Optional.ofNullable(cmd.readyPattern);
    try {
      ready.ifPresent(Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--ready '" + cmd.readyPattern + "' is not a regular expression: " + e.getDescription(),
          e);
    }
    ContextSender sender =
        cmd.builder.equals("buildkit") ? ContextSender.BUILDKIT : ContextSender.CLASSIC;
    Path staging;
    try {
      staging = Files.createTempDirectory("layerlab-project-");
    } catch (IOException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT, "cannot make a scratch directory: " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> BenchCommand.deleteQuietly(staging), "layerlab-project");
    Runtime.getRuntime().addShutdownHook(hook);
    try (ProjectScenario project =
        ProjectScenario.prepare(
            cmd.projectDir, cmd.dockerfileOption, ready, staging, sender, cmd.buildArgs)) {
      print(project, cmd.spec.commandLine().getOut());
      cmd.prepared = project.scenario();
      return cmd.bench();
    } catch (ScenarioException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "cannot copy " + cmd.projectDir + " to a scratch directory: " + e.getMessage(),
          e);
    } finally {
      BenchCommand.deleteQuietly(staging);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook deletes the copy itself
      }
    }
  }

  private static void print(ProjectScenario project, PrintWriter out) {
    var scenario = project.scenario();
    String variant = scenario.variants().keySet().iterator().next();
    out.println(
        "project "
            + scenario.name()
            + ": variant "
            + variant
            + " ("
            + scenario.variants().get(variant)
            + "), and its rewrite when the rules offer one; change patterns:");
    for (Pick pick : project.picks()) {
      out.printf(
          "  %-12s %s%n",
          pick.pattern().id(),
          pick.file().map(f -> f + ": " + pick.why()).orElse("left out: " + pick.why()));
    }
    out.flush();
  }
}
