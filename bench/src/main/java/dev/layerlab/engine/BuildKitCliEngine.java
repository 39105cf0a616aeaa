package dev.layerlab.engine;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * BuildKit, through the docker CLI run as a subprocess on the context directory.
 *
 * <p>docker-java speaks only the classic builder's API, so builds go through a docker client that
 * can drive BuildKit (see {@link BuildKitCli}); its plain progress output is read by {@link
 * BuildKitProgress}. The client reads the context directory and its {@code .dockerignore} itself,
 * so {@link BuildRequest#contextPaths()} (the list the classic builder sends) is not used, and the
 * context size is what BuildKit reported transferring. Containers, image removal and clean-up go
 * through a {@link DockerJavaEngine} against the same daemon.
 *
 * <p>What a build reports: each Dockerfile step BuildKit ran, in Dockerfile order, with its line,
 * whether it came from the cache ({@code FROM} always counts as cached, as with the classic
 * builder), the time the client saw it take beside BuildKit's own duration for it, and the size it
 * added to the final image when it is a step of the last stage (-1 otherwise). BuildKit makes no
 * image per step, so the steps carry no image id, and the only image a build creates is the final
 * one.
 */
public final class BuildKitCliEngine implements Engine {

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final BuildKitCli cli;
  private final LongSupplier nanos;
  private final Path scratchDir;
  private final DockerJavaEngine docker;

  /**
   * Uses the first client on the PATH (or {@code /usr/bin/docker}) that can build with BuildKit.
   */
  public BuildKitCliEngine(LongSupplier nanos, Path scratchDir) throws EngineException {
    this(BuildKitCli.find(BuildKitCli.defaultCandidates(System.getenv())), nanos, scratchDir);
  }

  /**
   * @param cli the client that builds
   * @param nanos the clock every duration is read from
   * @param scratchDir where image id files are written while a build runs
   */
  public BuildKitCliEngine(BuildKitCli cli, LongSupplier nanos, Path scratchDir) {
    this.cli = cli;
    this.nanos = nanos;
    this.scratchDir = scratchDir;
    this.docker = new DockerJavaEngine(nanos, scratchDir);
  }

  /** The client this engine builds with. */
  public BuildKitCli client() {
    return cli;
  }

  @Override
  public EngineInfo info() throws EngineException {
    BuildKitCli.Output version =
        BuildKitCli.run(
            List.of(
                cli.executable().toString(),
                "version",
                "--format",
                "{{.Server.Version}}|{{.Server.APIVersion}}|{{.Server.Os}}/{{.Server.Arch}}"));
    String[] parts = version.text().strip().split("\\|");
    if (version.exitCode() != 0 || parts.length != 3) {
      throw new EngineException(
          "the docker client "
              + cli.executable()
              + " cannot reach the daemon: "
              + lastLine(version.text())
              + "; start it or set DOCKER_HOST");
    }
    return new EngineInfo(
        "docker-cli " + cli.describe(), "buildkit", parts[0], parts[1], parts[2], host());
  }

  @Override
  public BuildOutcome build(BuildRequest request) throws EngineException {
    long start = nanos.getAsLong();
    Path iidFile = null;
    Process process = null;
    Thread watchdog = null;
    try {
      Files.createDirectories(scratchDir);
      iidFile = Files.createTempFile(scratchDir, "iid-", ".txt");
      Files.delete(iidFile);
      ProcessBuilder builder =
          new ProcessBuilder(command(request, iidFile)).redirectErrorStream(true);
      builder.environment().putAll(cli.buildEnvironment());
      process = builder.start();
      process.getOutputStream().close();
      Process started = process;
      java.util.concurrent.atomic.AtomicBoolean timedOut =
          new java.util.concurrent.atomic.AtomicBoolean();
      watchdog =
          new Thread(
              () -> {
                try {
                  if (!started.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    stop(started);
                  }
                } catch (InterruptedException done) {
                  // The build ended first.
                }
              },
              "build-timeout");
      watchdog.setDaemon(true);
      watchdog.start();

      BuildKitProgress progress = new BuildKitProgress();
      NoSpaceWatch noSpace = new NoSpaceWatch();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          progress.accept(line + "\n", nanos.getAsLong());
          noSpace.accept(line);
        }
      }
      int exit = process.waitFor();
      watchdog.interrupt();
      watchdog.join();
      long end = nanos.getAsLong();
      progress.finish(end);
      double seconds = (end - start) / 1e9;
      List<BuildKitStepLines.Located> located = locate(request, progress);
      List<StepRecord> steps = records(located);

      String imageId =
          Files.exists(iidFile) ? Files.readString(iidFile).strip() : progress.imageId();
      if (exit != 0 || imageId.isEmpty()) {
        return new BuildOutcome(
            BuildStatus.FAILED,
            seconds,
            progress.contextBytes(),
            "",
            -1,
            steps,
            List.of(),
            timedOut.get()
                ? request.timedOutMessage()
                : noSpace.explain(failure(exit, progress, located)));
      }
      return new BuildOutcome(
          BuildStatus.OK,
          seconds,
          progress.contextBytes(),
          imageId,
          imageSize(imageId),
          withLayerSizes(imageId, located, steps),
          List.of(imageId),
          "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while building", e);
    } catch (IOException e) {
      throw new EngineException(
          "cannot run " + cli.executable() + " to build: " + e.getMessage(), e);
    } finally {
      if (watchdog != null) {
        watchdog.interrupt();
      }
      if (process != null && process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      if (iidFile != null) {
        try {
          Files.deleteIfExists(iidFile);
        } catch (IOException ignored) {
          // A leftover id file in layerlab's own scratch directory is removed with it.
        }
      }
    }
  }

  /**
   * Stops a build that ran out of time: the client and its children (the buildx plugin) are asked
   * to stop, which cancels the build in the daemon, and killed if they have not within {@link
   * #STOP_WAIT}. The image is loaded only when a build succeeds, so a cancelled one leaves none.
   */
  private static void stop(Process process) throws InterruptedException {
    // Through the handles: Process.destroy would also close the output still being read.
    ProcessHandle client = process.toHandle();
    List<ProcessHandle> children = client.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    client.destroy();
    if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      children.forEach(ProcessHandle::destroyForcibly);
      client.destroyForcibly();
      process.waitFor();
    }
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        child.destroyForcibly();
      }
    }
  }

  private List<String> command(BuildRequest request, Path iidFile) {
    List<String> command = new ArrayList<>(cli.buildCommand());
    command.add("--progress=plain");
    command.add("--network=" + request.network());
    new TreeMap<>(request.labels()).forEach((k, v) -> command.add("--label=" + k + "=" + v));
    new TreeMap<>(request.buildArgs()).forEach((k, v) -> command.add("--build-arg=" + k + "=" + v));
    if (request.noCache()) {
      command.add("--no-cache");
    }
    command.add("--iidfile=" + iidFile);
    command.add("--file=" + request.contextDir().resolve(request.dockerfile()).toAbsolutePath());
    command.add(request.contextDir().toAbsolutePath().toString());
    return command;
  }

  private static List<BuildKitStepLines.Located> locate(
      BuildRequest request, BuildKitProgress progress) {
    try {
      Dockerfile dockerfile =
          DockerfileParser.parse(request.contextDir().resolve(request.dockerfile()));
      return BuildKitStepLines.locate(dockerfile, progress.steps());
    } catch (DockerfileException unreadable) {
      // BuildKit reports the file's problem itself; the steps keep their printed order.
      return BuildKitStepLines.unlocated(progress.steps());
    }
  }

  private static List<StepRecord> records(List<BuildKitStepLines.Located> located) {
    List<StepRecord> steps = new ArrayList<>();
    for (BuildKitStepLines.Located l : located) {
      BuildKitProgress.Step s = l.step();
      boolean cached = s.status() == BuildKitProgress.Status.CACHED || s.keyword().equals("FROM");
      steps.add(
          new StepRecord(
              steps.size() + 1,
              s.instruction(),
              l.line(),
              cached,
              s.clientSeconds(),
              -1,
              "",
              s.engineSeconds()));
    }
    return steps;
  }

  private static String failure(
      int exit, BuildKitProgress progress, List<BuildKitStepLines.Located> located) {
    String error = progress.error();
    if (error.isEmpty()) {
      error = "docker build exited with " + exit + " and printed no error";
    }
    for (BuildKitStepLines.Located l : located) {
      if (l.step().status() == BuildKitProgress.Status.ERROR) {
        return error
            + " (step "
            + l.step().label()
            + " "
            + l.step().instruction()
            + (l.line() > 0 ? ", Dockerfile line " + l.line() : "")
            + ")";
      }
    }
    return error;
  }

  /**
   * Through the daemon's API rather than another {@code docker} process: starting a client costs a
   * tenth of a second or more, which would add to every build's time.
   */
  private long imageSize(String imageId) throws EngineException {
    return docker.imageSize(imageId);
  }

  /**
   * Sizes the last stage's steps from the image history, newest first: each step takes the next
   * history entry written by the same instruction keyword; entries of other instructions ({@code
   * ENV}, {@code CMD}, ...) add no layer and are passed over.
   */
  private List<StepRecord> withLayerSizes(
      String imageId, List<BuildKitStepLines.Located> located, List<StepRecord> steps)
      throws EngineException {
    List<String[]> entries = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode entry : docker.history(imageId)) {
      entries.add(
          new String[] {entry.path("Size").asText("-1"), entry.path("CreatedBy").asText("")});
    }
    int lastStage =
        located.stream().mapToInt(BuildKitStepLines.Located::stageIndex).max().orElse(-1);
    List<StepRecord> sized = new ArrayList<>(steps);
    int entry = 0;
    for (int k = located.size() - 1; k >= 0 && entry < entries.size(); k--) {
      BuildKitProgress.Step step = located.get(k).step();
      if (located.get(k).stageIndex() != lastStage || step.keyword().equals("FROM")) {
        continue;
      }
      while (entry < entries.size() && !entries.get(entry)[1].startsWith(step.keyword() + " ")) {
        entry++;
      }
      if (entry < entries.size()) {
        try {
          sized.set(k, sized.get(k).withLayerBytes(Long.parseLong(entries.get(entry)[0].strip())));
        } catch (NumberFormatException unexpected) {
          // Leave the size unknown.
        }
        entry++;
      }
    }
    return sized;
  }

  private String host() throws EngineException {
    String fromEnv = System.getenv("DOCKER_HOST");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    BuildKitCli.Output context =
        BuildKitCli.run(
            List.of(
                cli.executable().toString(),
                "context",
                "inspect",
                "--format",
                "{{.Endpoints.docker.Host}}"));
    String host = context.text().strip();
    return context.exitCode() == 0 && !host.isEmpty() ? host : "unix:///var/run/docker.sock";
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
  }

  @Override
  public boolean answers() {
    return docker.answers();
  }

  @Override
  public RunOutcome runUntilReady(RunRequest request) throws EngineException {
    return docker.runUntilReady(request);
  }

  @Override
  public <T> T saveImage(String imageId, ExportReader<T> reader) throws EngineException {
    return docker.saveImage(imageId, reader);
  }

  @Override
  public List<String> removeImages(Collection<String> imageIds) {
    return docker.removeImages(imageIds);
  }

  @Override
  public List<String> labelledImages(String label, String value) {
    return docker.labelledImages(label, value);
  }

  @Override
  public int removeContainers(String label, String value) {
    return docker.removeContainers(label, value);
  }

  @Override
  public void close() {
    docker.close();
  }
}
