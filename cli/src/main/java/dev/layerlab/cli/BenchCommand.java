package dev.layerlab.cli;

import dev.layerlab.engine.BuildKitCliEngine;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.report.RunReport;
import dev.layerlab.report.RunView;
import dev.layerlab.report.StatsTable;
import dev.layerlab.run.BenchListener;
import dev.layerlab.run.BenchOptions;
import dev.layerlab.run.BenchRunner;
import dev.layerlab.run.BuildFailedException;
import dev.layerlab.run.DaemonLostException;
import dev.layerlab.run.Prior;
import dev.layerlab.run.Shard;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScenarioLoader;
import dev.layerlab.secret.Redactor;
import dev.layerlab.store.StoreUrl;
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
      "Needs a Docker daemon: DOCKER_HOST, the Docker context (DOCKER_CONTEXT or docker context"
          + " use), or the local socket."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "SCENARIO",
      arity = "0..1",
      description =
          "A scenario directory (with scenario.yaml); with --all, a directory of scenario"
              + " directories.")
  Path scenarioDir;

  @Option(
      names = "--project",
      paramLabel = "PATH",
      description =
          "Bench your own project instead of a scenario: its Dockerfile and the rewrite, with"
              + " change patterns chosen from its files (the project is never modified).")
  Path projectDir;

  @Option(
      names = "--dockerfile",
      paramLabel = "FILE",
      description =
          "With --project: the Dockerfile, inside the project (default: PATH/Dockerfile).")
  Path dockerfileOption;

  @Option(
      names = "--ready",
      paramLabel = "REGEX",
      description = "With --project: time the baked image's start-up to a line matching this.")
  String readyPattern;

  @Option(
      names = "--all",
      description =
          "Bench every sub-directory of SCENARIO that has a scenario.yaml, in name order, and"
              + " write index.html and index.md over them into the output directory.")
  boolean all;

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

  @Option(
      names = "--build-timeout",
      defaultValue = "1800",
      paramLabel = "SECONDS",
      description =
          "How long one build may take; a longer one is cancelled and fails the run"
              + " (default: ${DEFAULT-VALUE}).")
  long buildTimeout;

  @Option(
      names = "--secret-build-arg",
      paramLabel = "NAME",
      description =
          "A build argument whose value must appear in no output, log or store (repeatable);"
              + " names containing TOKEN, PASSWORD, SECRET or KEY are secret anyway.")
  List<String> secretBuildArgs = new ArrayList<>();

  @Option(
      names = "--store",
      paramLabel = "JDBC_URL",
      description =
          "Where results are stored as they are measured: a JDBC URL (jdbc:postgresql://... to"
              + " share one store between machines) or a SQLite file (default:"
              + " <output>/layerlab.sqlite). A PostgreSQL password may come from"
              + " LAYERLAB_STORE_PASSWORD.")
  String store;

  @Option(names = "--no-store", description = "Write only the report files, no store.")
  boolean noStore;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Name the run (letters, digits, '.', '_', '-'); every shard of one bench gives the same"
              + " (default: a new time-based id).")
  String runIdOption;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Run only shard K of N of the builds, for a CI matrix of N machines that share a"
              + " --store and a --run-id (default: the whole bench).")
  String shardOption;

  @Option(
      names = "--resume",
      paramLabel = "RUN_ID",
      description =
          "Finish a run that stopped early (the daemon stopped, the disk filled, a build failed):"
              + " keep the builds the store holds, build the rest in the same order, with the"
              + " run's own options; with --shard, that shard.")
  String resumeId;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  private Redactor redactor = Redactor.none();

  /** The scenario to bench when it is not read from SCENARIO (a project, or one of a suite). */
  Scenario prepared;

  /** What the last bench measured and where its report went, for the suite's index. */
  RunResult lastResult;

  Path lastReportDir;

  /** The redactor of the last bench's secret build arguments. */
  Redactor redactor() {
    return redactor;
  }

  @Override
  public Integer call() {
    try {
      if (all) {
        return ScenarioSuite.run(this);
      }
      ProjectBench.checkOptions(this);
      if (projectDir != null || scenarioDir == null) {
        return ProjectBench.run(this);
      }
      return bench();
    } catch (Failure f) {
      throw f.redacted(redactor);
    } catch (RuntimeException e) {
      if (!redactor.isActive()) {
        throw e;
      }
      throw new Failure(
              ExitCodes.INTERNAL,
              "internal error: " + e + " (rerun with --verbose for details, and report it)",
              e)
          .redacted(redactor);
    }
  }

  Integer bench() {
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
    Scenario scenario = prepared;
    try {
      scenario = scenario != null ? scenario : ScenarioLoader.load(scenarioDir);
    } catch (ScenarioException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    Shard shard = shard();
    Resumption resumption = resumeId == null ? null : resumption(scenario, shard);
    redactor = Redactor.of(SecretArgs.of(scenario, buildArgs, System.getenv()), secretBuildArgs);
    String runId =
        resumeId != null
            ? resumeId
            : runIdOption != null ? SecretArgs.checkRunId(runIdOption) : newRunId();
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
              Duration.ofSeconds(startupTimeout),
              shard,
              Duration.ofSeconds(buildTimeout));
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    Path reportDir = output.resolve(scenario.name()).resolve(runId);

    EventPrinter printer = new EventPrinter(err, redactor);
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
    try (EngineSet closing = new EngineSet(engines);
        BenchStore results = BenchStore.open(store, noStore, output, shard, redactor, err)) {
      Prior prior = Prior.NONE;
      if (resumption != null) {
        prior =
            resumption
                .prior(BenchRunner.plannedStartups(scenario, options))
                .withLeftoverImages(Leftovers.read(reportDir));
        results.resuming(!prior.startups().isEmpty());
      } else {
        results.withOptions(storedOptions().toMap());
      }
      BenchListener store = results.listener();
      BenchListener screen =
          ProgressBar.wanted() ? new ProgressBar(err, printer, System::nanoTime) : printer;
      BenchListener listener =
          event -> {
            screen.on(event);
            store.on(event);
          };
      BenchRunner runner = new BenchRunner(engines, listener, Clock.systemUTC());
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
        RunResult result = runner.run(scenario, options, prior);
        lastResult = result;
        lastReportDir = reportDir;
        results.finish(result);
        List<String> files = writeReport(result, reportDir);
        out.print(StatsTable.render(new RunView(redactor.apply(result))));
        printer.agreement(result);
        out.println(
            "report: "
                + reportDir.resolve("summary.md")
                + " ("
                + files.size()
                + " files in "
                + reportDir
                + ")");
        Leftovers.clear(reportDir);
        return ExitCodes.OK;
      } catch (DaemonLostException e) {
        lastResult = e.partial();
        lastReportDir = reportDir;
        results.finish(e.partial());
        writePartial(e.partial(), reportDir, err);
        try {
          Leftovers.add(reportDir, runner.unremovedImages());
        } catch (IOException unwritable) {
          err.println(
              "layerlab: could not list the run's unremoved images beside its report ("
                  + unwritable.getMessage()
                  + ")");
        }
        throw new Failure(
            ExitCodes.DOCKER_UNAVAILABLE,
            e.getMessage()
                + "; "
                + kept(e.partial(), reportDir, results)
                + "; start the daemon, then "
                + resumeCommand(runId, shard, results),
            e);
      } catch (BuildFailedException e) {
        lastResult = e.partial();
        lastReportDir = reportDir;
        results.finish(e.partial());
        writePartial(e.partial(), reportDir, err);
        if (e.diskFull()) {
          throw new Failure(
              ExitCodes.BUILD_FAILED,
              "no space left on device in the Docker daemon's storage "
                  + (e.during().isEmpty()
                      ? "while building " + e.failed().variant()
                      : "during " + e.during())
                  + "; "
                  + kept(e.partial(), reportDir, results)
                  + "; free space (docker system df shows what takes it), then "
                  + resumeCommand(runId, shard, results),
              e);
        }
        throw new Failure(ExitCodes.BUILD_FAILED, e.getMessage(), e);
      } catch (IllegalArgumentException | ScenarioException e) {
        throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
      } catch (EngineException e) {
        throw new Failure(ExitCodes.DOCKER_UNAVAILABLE, e.getMessage(), e);
      } catch (ReportWriteException e) {
        throw new Failure(
            ExitCodes.STORE_UNAVAILABLE,
            "cannot write the report in "
                + reportDir
                + " ("
                + rootMessage(e)
                + "); no file of it was left half-written; free space there, then "
                + (results.holdsEverything()
                    ? "run: layerlab report "
                        + reportDir
                        + " --run-id "
                        + runId
                        + (this.store != null ? " --store " + shown(this.store) : "")
                    : "run the bench again (the store does not hold the whole run)"),
            e);
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

  /** {@code --store} as the user gave it, with any password hidden. */
  private static String shown(String store) {
    return store.startsWith("jdbc:") ? StoreUrl.display(store) : store;
  }

  /** The innermost cause's message, on one line. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    // Wrapping libraries (the XML writer of the charts) quote the cause's class in the message.
    List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).toList();
    String last = lines.isEmpty() ? message : lines.get(lines.size() - 1);
    return last.replaceAll("^([A-Za-z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ", "").strip();
  }

  /** What an interrupted bench kept, for its last line. */
  private static String kept(RunResult partial, Path reportDir, BenchStore results) {
    long ok = partial.builds().stream().filter(b -> b.status() == BuildStatus.OK).count();
    return "the "
        + ok
        + (ok == 1 ? " build" : " builds")
        + " measured so far are kept in "
        + reportDir
        + "/"
        + (results.isOpen() ? " and the store" : "");
  }

  /** The command that finishes the run, with the options that find it again. */
  private String resumeCommand(String runId, Shard shard, BenchStore results) {
    if (!results.isOpen()) {
      return "run the bench again (with a store, --resume could have finished this run)";
    }
    StringBuilder cmd = new StringBuilder("run: layerlab bench ").append(scenarioDir);
    cmd.append(" --resume ").append(runId);
    if (!shard.isWhole()) {
      cmd.append(" --shard ").append(shard);
    }
    if (!output.equals(Path.of("reports"))) {
      cmd.append(" -o ").append(output);
    }
    if (store != null) {
      cmd.append(" --store ").append(shown(store));
    }
    return cmd.toString();
  }

  /** The options this bench runs with, as the store keeps them for {@code --resume}. */
  private StoredOptions storedOptions() {
    return new StoredOptions(
        builder,
        repetitions,
        startupRuns,
        variants,
        network,
        buildTimeout,
        startupTimeout,
        buildArgs);
  }

  /**
   * Reads the run to resume and takes its options.
   *
   * @throws Failure (bad input) when there is no such run or shard, it is complete, or an option
   *     disagrees
   */
  private Resumption resumption(Scenario scenario, Shard shard) {
    java.util.Set<String> given = new java.util.HashSet<>();
    for (String option : Resumption.OPTIONS) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        given.add(option);
      }
    }
    Resumption resumption =
        Resumption.read(
            new Resumption.Request(
                resumeId, runIdOption, noStore, store, output, scenarioDir, storedOptions(), given),
            scenario,
            shard);
    StoredOptions was = resumption.options();
    builder = was.builder();
    repetitions = was.repetitions();
    startupRuns = was.startupRuns();
    variants = new ArrayList<>(was.variants());
    network = was.network();
    buildTimeout = was.buildTimeout();
    startupTimeout = was.startupTimeout();
    buildArgs = new LinkedHashMap<>(was.buildArgs());
    return resumption;
  }

  /** Writes the report; {@link RunReport} leaves no file half-written. */
  private List<String> writeReport(RunResult result, Path reportDir) throws ReportWriteException {
    try {
      return RunReport.write(result, reportDir, redactor);
    } catch (IOException e) {
      throw new ReportWriteException(e);
    }
  }

  /** The report files could not be written (a full disk, a read-only directory). */
  private static final class ReportWriteException extends Exception {
    private static final long serialVersionUID = 1L;

    ReportWriteException(IOException cause) {
      super(cause.getMessage(), cause);
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

  private Shard shard() {
    if (shardOption == null) {
      return Shard.ALL;
    }
    try {
      Shard shard = Shard.parse(shardOption);
      if (!shard.isWhole() && runIdOption == null && resumeId == null) {
        throw new Failure(
            ExitCodes.BAD_INPUT,
            "--shard "
                + shard
                + " needs --run-id, the same on every shard, so that their builds meet in one run"
                + " (e.g. --run-id \"$CI_PIPELINE_ID\")");
      }
      return shard;
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCodes.BAD_INPUT, "--shard: " + e.getMessage(), e);
    }
  }

  private void writePartial(RunResult partial, Path reportDir, PrintWriter err) {
    try {
      RunReport.write(partial, reportDir, redactor);
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

  static void deleteQuietly(Path dir) {
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
