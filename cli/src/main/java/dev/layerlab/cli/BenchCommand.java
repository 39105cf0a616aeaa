package dev.layerlab.cli;

import dev.layerlab.engine.BuildKitCliEngine;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.measure.RunResult;
import dev.layerlab.report.RunReport;
import dev.layerlab.run.BenchOptions;
import dev.layerlab.run.BenchRunner;
import dev.layerlab.run.BuildFailedException;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab bench}: builds a scenario for real and writes its report. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Builds every Dockerfile variant of a scenario: once cold, then after each change pattern"
          + " on the warm cache, repeatedly; times the app's start-up; writes the report to"
          + " <output>/<scenario>/<run-id>/.",
      "Needs a Docker daemon (DOCKER_HOST or the local socket)."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario directory (with scenario.yaml).")
  Path scenarioDir;

  @Option(
      names = {"-r", "--repetitions"},
      defaultValue = "3",
      description = "Builds per variant and change pattern (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--startup-runs",
      defaultValue = "3",
      description = "Start-ups timed per mode; 0 skips them (default: ${DEFAULT-VALUE}).")
  int startupRuns;

  @Option(
      names = "--variant",
      paramLabel = "NAME",
      description = "Build only this variant (repeatable; default: all).")
  List<String> variants = new ArrayList<>();

  @Option(
      names = "--build-arg",
      paramLabel = "KEY=VALUE",
      description = "A build argument for every build (repeatable).")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "reports",
      paramLabel = "DIR",
      description = "Where reports go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--network",
      defaultValue = "host",
      paramLabel = "host|none",
      description = "Network for RUN steps and mounted start-ups (default: ${DEFAULT-VALUE}).")
  String network;

  @Option(
      names = "--builder",
      defaultValue = "classic",
      paramLabel = "classic|buildkit|both",
      description =
          "Which builder to bench: the classic builder (docker-java), BuildKit (the docker CLI),"
              + " or both, one after the other (default: ${DEFAULT-VALUE}).")
  String builder;

  @Option(
      names = "--startup-timeout",
      defaultValue = "300",
      paramLabel = "SECONDS",
      description = "How long a start-up may take (default: ${DEFAULT-VALUE}).")
  long startupTimeout;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("classic", "buildkit", "both").contains(builder)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--builder must be classic, buildkit or both, not '" + builder + "'");
    }
    if (!network.equals("host") && !network.equals("none")) {
      throw new Failure(
          ExitCodes.BAD_INPUT, "--network must be host or none, not '" + network + "'");
    }
    Scenario scenario;
    try {
      scenario = ScenarioLoader.load(scenarioDir);
    } catch (ScenarioException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    String runId = newRunId();
    Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "layerlab-" + runId);
    BenchOptions options;
    try {
      options =
          new BenchOptions(
              runId,
              repetitions,
              startupRuns,
              buildArgs,
              System.getenv(),
              variants,
              network,
              scratch,
              Duration.ofSeconds(startupTimeout));
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    Path reportDir = output.resolve(scenario.name()).resolve(runId);

    EventPrinter printer = new EventPrinter(err);
    java.util.concurrent.atomic.AtomicBoolean interrupted =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CountDownLatch cleanedUp = new java.util.concurrent.CountDownLatch(1);
    Map<String, Engine> engines = new LinkedHashMap<>();
    try {
      if (!builder.equals("buildkit")) {
        engines.put("classic", new DockerJavaEngine(System::nanoTime, scratch));
      }
      if (!builder.equals("classic")) {
        engines.put("buildkit", new BuildKitCliEngine(System::nanoTime, scratch));
      }
    } catch (EngineException e) {
      engines.values().forEach(Engine::close);
      throw new Failure(ExitCodes.DOCKER_UNAVAILABLE, e.getMessage(), e);
    }
    try (EngineSet closing = new EngineSet(engines)) {
      BenchRunner runner = new BenchRunner(engines, printer, Clock.systemUTC());
      Thread hook =
          new Thread(
              () -> {
                interrupted.set(true);
                err.println("layerlab: interrupted; removing what run " + runId + " made");
                try {
                  runner.cleanUp(false);
                  deleteQuietly(scratch);
                } finally {
                  err.flush();
                  cleanedUp.countDown();
                }
              },
              "layerlab-cleanup");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        RunResult result = runner.run(scenario, options);
        List<String> files = RunReport.write(result, reportDir);
        printer.agreement(result);
        out.println(
            "report: "
                + reportDir.resolve("summary.md")
                + " ("
                + files.size()
                + " files in "
                + reportDir
                + ")");
        return ExitCodes.OK;
      } catch (BuildFailedException e) {
        writePartial(e.partial(), reportDir, err);
        throw new Failure(ExitCodes.BUILD_FAILED, e.getMessage(), e);
      } catch (IllegalArgumentException | ScenarioException e) {
        throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
      } catch (EngineException e) {
        throw new Failure(ExitCodes.DOCKER_UNAVAILABLE, e.getMessage(), e);
      } catch (IOException e) {
        throw new Failure(ExitCodes.BAD_INPUT, "cannot read or write files: " + e.getMessage(), e);
      } finally {
        if (interrupted.get()) {
          // The shutdown hook is removing the run's images through this engine: let it finish
          // before the engine closes; the JVM then exits with the signal's code.
          awaitQuietly(cleanedUp);
        } else {
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException shuttingDown) {
            awaitQuietly(cleanedUp);
          }
        }
      }
    } finally {
      deleteQuietly(scratch);
    }
  }

  /** Closes every engine of a run. */
  private record EngineSet(Map<String, Engine> engines) implements AutoCloseable {
    @Override
    public void close() {
      engines.values().forEach(Engine::close);
    }
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(2, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void writePartial(RunResult partial, Path reportDir, PrintWriter err) {
    try {
      RunReport.write(partial, reportDir);
      err.println("partial report: " + reportDir.resolve("summary.md"));
    } catch (IOException | RuntimeException e) {
      err.println("could not write the partial report: " + e.getMessage());
    }
  }

  private static String newRunId() {
    String time =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(java.time.Instant.now());
    return time + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Only layerlab's own scratch directory; the next run uses a new one.
    }
  }
}
