package dev.layerlab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StepRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The classic builder and containers, through docker-java against the daemon that the usual Docker
 * client settings ({@code DOCKER_HOST}, ...) name.
 */
public final class DockerJavaEngine implements Engine {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RUNNING_IN = Pattern.compile("Running in ([0-9a-f]{12,64})");
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

  private final DockerClientConfig config;
  private final DockerHttpClient http;
  private final DockerClient client;
  private final LongSupplier nanos;
  private final Path scratchDir;
  private final List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.locks.ReentrantLock building =
      new java.util.concurrent.locks.ReentrantLock();
  private volatile java.io.Closeable inFlight;
  private volatile boolean aborted;
  private volatile boolean cancelled;

  /**
   * @param nanos the clock every duration is read from
   * @param scratchDir where context archives are written while a build runs
   */
  public DockerJavaEngine(LongSupplier nanos, Path scratchDir) {
    this.config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    this.http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(10))
            .responseTimeout(Duration.ofMinutes(30))
            .build();
    this.client = DockerClientImpl.getInstance(config, http);
    this.nanos = nanos;
    this.scratchDir = scratchDir;
  }

  @Override
  public EngineInfo info() throws EngineException {
    try {
      client.pingCmd().exec();
      Version v = client.versionCmd().exec();
      return new EngineInfo(
          "docker-java",
          "classic",
          v.getVersion(),
          v.getApiVersion(),
          v.getOperatingSystem() + "/" + v.getArch(),
          config.getDockerHost().toString());
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * Pings on a new connection: a daemon that is shutting down still answers on the connections it
   * already has (and lets their requests finish) but accepts no new ones.
   */
  @Override
  public boolean answers() {
    try (DockerHttpClient fresh =
            new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        DockerHttpClient.Response response =
            fresh.execute(
                DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET)
                    .path("/_ping")
                    .build())) {
      return response.getStatusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public BuildOutcome build(BuildRequest request) throws EngineException {
    building.lock();
    try {
      if (aborted) {
        throw new EngineException("interrupted: no more builds");
      }
      return buildLocked(request);
    } finally {
      inFlight = null;
      building.unlock();
    }
  }

  /**
   * Every image this engine's builds created, oldest first. Once a build was cancelled (by {@link
   * #abort()} or its timeout) this also takes in the descendants of those images: the daemon may
   * commit a step after the output stream was closed, and such an image is known only by its
   * parent.
   */
  @Override
  public List<String> createdImages() {
    List<String> known;
    synchronized (created) {
      known = new ArrayList<>(created);
    }
    if (!(aborted || cancelled) || known.isEmpty()) {
      return known;
    }
    try {
      List<String> all = new ArrayList<>(known);
      all.addAll(descendantsOf(known));
      return List.copyOf(new java.util.LinkedHashSet<>(all));
    } catch (RuntimeException e) {
      return known;
    }
  }

  @Override
  public List<String> descendantsOf(Collection<String> imageIds) {
    Map<String, String> parentOf = new java.util.LinkedHashMap<>();
    List<com.github.dockerjava.api.model.Image> images =
        new ArrayList<>(client.listImagesCmd().withShowAll(true).exec());
    images.sort(
        java.util.Comparator.comparing(
            (com.github.dockerjava.api.model.Image i) ->
                i.getCreated() == null ? 0L : i.getCreated()));
    for (com.github.dockerjava.api.model.Image image : images) {
      parentOf.put(shortId(image.getId()), shortId(image.getParentId()));
    }
    java.util.Set<String> ours = new java.util.LinkedHashSet<>();
    imageIds.forEach(id -> ours.add(shortId(id)));
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, String> e : parentOf.entrySet()) {
        if (ours.contains(e.getValue()) && ours.add(e.getKey())) {
          found.add(e.getKey());
          grew = true;
        }
      }
    }
    // Oldest first, as the daemon listed them.
    List<String> ordered = new ArrayList<>();
    for (String id : parentOf.keySet()) {
      if (found.contains(id)) {
        ordered.add(id);
      }
    }
    return ordered;
  }

  @Override
  public int removeStoppedContainersOf(Collection<String> imageIds) {
    java.util.Set<String> images = new java.util.HashSet<>();
    imageIds.forEach(id -> images.add(shortId(id)));
    int removed = 0;
    for (Container c :
        client
            .listContainersCmd()
            .withShowAll(true)
            .withStatusFilter(List.of("exited", "created", "dead"))
            .exec()) {
      if (c.getImageId() != null && images.contains(shortId(c.getImageId()))) {
        try {
          client.removeContainerCmd(c.getId()).withRemoveVolumes(true).exec();
          removed++;
        } catch (NotFoundException gone) {
          // Removed already.
        }
      }
    }
    return removed;
  }

  @Override
  public void abort() {
    aborted = true;
    try {
      // Let the build in progress finish, so that every image it makes is reported; cancel it
      // only when it takes too long.
      if (building.tryLock(60, TimeUnit.SECONDS)) {
        building.unlock();
        return;
      }
      java.io.Closeable build = inFlight;
      if (build != null) {
        build.close(); // closing the stream makes the daemon cancel the build
      }
      if (building.tryLock(30, TimeUnit.SECONDS)) {
        building.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // The build ends either way.
    }
  }

  /**
   * Cancels a build that ran out of time: closing its output stream makes the daemon stop it; the
   * step's container is then killed and removed by the daemon, which this waits for so that nothing
   * of the build is still running when it is reported.
   */
  private void cancel(java.io.Closeable callback, java.util.Set<String> stepContainers)
      throws InterruptedException {
    cancelled = true;
    try {
      callback.close();
    } catch (IOException ignored) {
      // The daemon sees the connection go either way.
    }
    long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
    for (String id : stepContainers) {
      while (System.nanoTime() < deadline && exists(id)) {
        Thread.sleep(200);
      }
    }
  }

  private boolean exists(String containerId) {
    try {
      client.inspectContainerCmd(containerId).exec();
      return true;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  private static String shortId(String id) {
    if (id == null) {
      return "";
    }
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  private BuildOutcome buildLocked(BuildRequest request) throws EngineException {
    long start = nanos.getAsLong();
    Path archive = null;
    try {
      Files.createDirectories(scratchDir);
      archive = Files.createTempFile(scratchDir, "context-", ".tar");
      try (OutputStream out = Files.newOutputStream(archive)) {
        ContextArchive.write(request.contextDir(), request.contextPaths(), out);
      }
      long contextBytes = Files.size(archive);
      ClassicProgress progress = new ClassicProgress(created::add);
      NoSpaceWatch noSpace = new NoSpaceWatch();
      AtomicReference<String> error = new AtomicReference<>();
      java.util.Set<String> stepContainers = java.util.concurrent.ConcurrentHashMap.newKeySet();
      boolean timedOut;
      try (InputStream tar = Files.newInputStream(archive)) {
        BuildImageCmd cmd =
            client
                .buildImageCmd(tar)
                .withDockerfilePath(request.dockerfile())
                .withLabels(request.labels())
                .withNoCache(request.noCache())
                .withRemove(true)
                .withForcerm(true)
                .withPull(false)
                .withNetworkMode(request.network());
        request.buildArgs().forEach(cmd::withBuildArg);
        ResultCallback.Adapter<BuildResponseItem> callback =
            cmd.exec(
                new ResultCallback.Adapter<BuildResponseItem>() {
                  @Override
                  public void onNext(BuildResponseItem item) {
                    long now = nanos.getAsLong();
                    if (item.getStream() != null) {
                      progress.accept(item.getStream(), now);
                      noSpace.accept(item.getStream());
                      java.util.regex.Matcher running = RUNNING_IN.matcher(item.getStream());
                      while (running.find()) {
                        stepContainers.add(running.group(1));
                      }
                    }
                    if (item.isErrorIndicated()) {
                      String message =
                          item.getErrorDetail() != null
                                  && item.getErrorDetail().getMessage() != null
                              ? item.getErrorDetail().getMessage()
                              : item.getError();
                      error.compareAndSet(null, message == null ? "build failed" : message.strip());
                    }
                  }

                  @Override
                  public void onError(Throwable t) {
                    error.compareAndSet(null, describe(t));
                    super.onError(t);
                  }
                });
        inFlight = callback;
        timedOut = !callback.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (timedOut) {
          cancel(callback, stepContainers);
        }
      }
      if (aborted) {
        progress.finish(nanos.getAsLong());
        throw new EngineException("interrupted while building");
      }
      long end = nanos.getAsLong();
      progress.finish(end);
      double seconds = (end - start) / 1e9;
      List<StepRecord> steps = withLines(request, progress.steps());

      if (timedOut || error.get() != null || progress.builtImage().isEmpty()) {
        String message =
            timedOut
                ? request.timedOutMessage()
                : noSpace.explain(
                    error.get() != null ? error.get() : "the build ended without an image");
        return new BuildOutcome(
            BuildStatus.FAILED,
            seconds,
            contextBytes,
            "",
            -1,
            steps,
            progress.createdImages(),
            message);
      }
      String imageId = progress.builtImage().get();
      InspectImageResponse image = client.inspectImageCmd(imageId).exec();
      long imageBytes = image.getSize() == null ? -1 : image.getSize();
      return new BuildOutcome(
          BuildStatus.OK,
          seconds,
          contextBytes,
          image.getId(),
          imageBytes,
          withLayerSizes(image.getId(), steps),
          progress.createdImages(),
          "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while building", e);
    } catch (IOException e) {
      throw new EngineException("cannot send the build context: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    } finally {
      if (archive != null) {
        try {
          Files.deleteIfExists(archive);
        } catch (IOException ignored) {
          // A leftover archive in layerlab's own scratch directory is removed with it.
        }
      }
    }
  }

  /**
   * A GET for an endpoint docker-java has no command for, through docker-java's own HTTP transport;
   * {@code what} names it in the error when the daemon does not answer 200.
   */
  private <T> T get(String path, String what, ExportReader<T> reader)
      throws EngineException, IOException {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream body = response.getBody()) {
      if (response.getStatusCode() != 200) {
        throw new EngineException(what + " answered " + response.getStatusCode());
      }
      return reader.read(body);
    }
  }

  /**
   * The classic builder numbers every instruction of the Dockerfile as a step, global ARGs
   * included, so step N is the Nth instruction; steps past the last one are the LABELs that {@code
   * --label} appends and keep line 0.
   */
  private static List<StepRecord> withLines(BuildRequest request, List<StepRecord> steps) {
    List<dev.layerlab.dockerfile.Instruction> instructions;
    try {
      instructions =
          dev.layerlab.dockerfile.DockerfileParser.parse(
                  request.contextDir().resolve(request.dockerfile()))
              .instructions();
    } catch (dev.layerlab.dockerfile.DockerfileException e) {
      return steps; // the daemon has said what is wrong with it; lines stay unknown
    }
    List<StepRecord> lined = new ArrayList<>();
    for (StepRecord s : steps) {
      int i = s.index() - 1;
      lined.add(i < instructions.size() ? s.withLine(instructions.get(i).startLine()) : s);
    }
    return lined;
  }

  /**
   * The image's history, newest entry first ({@code Id}, {@code CreatedBy}, {@code Size}, ...).
   * docker-java has no command for {@code /images/{id}/history}, so it is called through
   * docker-java's own HTTP transport.
   */
  JsonNode history(String imageId) throws EngineException {
    try {
      return get("/images/" + imageId + "/history", "image history of " + imageId, JSON::readTree);
    } catch (IOException e) {
      throw new EngineException(
          "cannot read the image history of " + imageId + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /** The image's size in bytes, -1 when the daemon does not say. */
  long imageSize(String imageId) throws EngineException {
    try {
      Long size = client.inspectImageCmd(imageId).exec().getSize();
      return size == null ? -1 : size;
    } catch (NotFoundException e) {
      throw new EngineException("image " + imageId + " not found: " + describe(e), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * Fills in each step's layer size from the image history. docker-java has no command for {@code
   * /images/{id}/history}, so it is called through docker-java's own HTTP transport.
   */
  private List<StepRecord> withLayerSizes(String imageId, List<StepRecord> steps)
      throws EngineException {
    Map<String, Long> sizeById = new HashMap<>();
    for (JsonNode layer : history(imageId)) {
      String id = layer.path("Id").asText("");
      if (id.startsWith("sha256:")) {
        sizeById.put(id.substring(7), layer.path("Size").asLong(-1));
      }
    }
    List<StepRecord> sized = new ArrayList<>();
    for (StepRecord step : steps) {
      long bytes = -1;
      if (!step.imageId().isEmpty()) {
        for (Map.Entry<String, Long> e : sizeById.entrySet()) {
          if (e.getKey().startsWith(step.imageId())) {
            bytes = e.getValue();
            break;
          }
        }
      }
      sized.add(step.withLayerBytes(bytes));
    }
    return sized;
  }

  @Override
  public RunOutcome runUntilReady(RunRequest request) throws EngineException {
    Pattern ready = Pattern.compile(request.readyPattern());
    long start = nanos.getAsLong();
    String containerId = null;
    try {
      HostConfig host = HostConfig.newHostConfig().withNetworkMode(request.network());
      if (!request.binds().isEmpty()) {
        List<Bind> binds = new ArrayList<>();
        for (RunRequest.Bind b : request.binds()) {
          binds.add(
              new Bind(
                  b.hostPath().toString(),
                  new Volume(b.containerPath()),
                  com.github.dockerjava.api.model.AccessMode.ro));
        }
        host.withBinds(binds);
      }
      CreateContainerCmd create =
          client
              .createContainerCmd(request.image())
              .withLabels(request.labels())
              .withHostConfig(host);
      if (!request.command().isEmpty()) {
        create.withCmd(request.command());
      }
      request.workdir().ifPresent(create::withWorkingDir);
      if (!request.env().isEmpty()) {
        List<String> env = new ArrayList<>();
        request.env().forEach((k, v) -> env.add(k + "=" + v));
        create.withEnv(env);
      }
      containerId = create.exec().getId();
      client.startContainerCmd(containerId).exec();

      AtomicLong readyAt = new AtomicLong(-1);
      CountDownLatch done = new CountDownLatch(1);
      StringBuilder output = new StringBuilder();
      ResultCallback.Adapter<Frame> logs =
          client
              .logContainerCmd(containerId)
              .withStdOut(true)
              .withStdErr(true)
              .withFollowStream(true)
              .exec(
                  new ResultCallback.Adapter<Frame>() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public void onNext(Frame frame) {
                      long now = nanos.getAsLong();
                      partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                      int nl;
                      while ((nl = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, nl);
                        partial.delete(0, nl + 1);
                        remember(output, line);
                        if (ready.matcher(line).find() && readyAt.compareAndSet(-1, now)) {
                          done.countDown();
                        }
                      }
                    }

                    @Override
                    public void onComplete() {
                      done.countDown();
                      super.onComplete();
                    }

                    @Override
                    public void onError(Throwable t) {
                      done.countDown();
                      super.onError(t);
                    }
                  });
      boolean finished = done.await(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      logs.close();
      if (readyAt.get() >= 0) {
        return new RunOutcome(true, (readyAt.get() - start) / 1e9, "");
      }
      String why =
          finished
              ? "the app exited before its ready line"
              : "no ready line within " + request.timeout().toSeconds() + " s";
      return new RunOutcome(false, -1, why + lastOutput(output));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while timing a start-up", e);
    } catch (IOException e) {
      throw new EngineException("cannot read the container's output: " + e.getMessage(), e);
    } catch (NotFoundException e) {
      throw new EngineException("image " + request.image() + " not found: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    } finally {
      if (containerId != null) {
        try {
          client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException ignored) {
          // Removed by label in the run's final clean-up.
        }
      }
    }
  }

  /** The start-up configuration of an image. */
  public ImageConfig imageConfig(String imageId) throws EngineException {
    try {
      com.github.dockerjava.api.model.ContainerConfig c =
          client.inspectImageCmd(imageId).exec().getConfig();
      if (c == null) {
        return new ImageConfig(List.of(), List.of(), List.of(), "", "", List.of());
      }
      List<String> ports = new ArrayList<>();
      if (c.getExposedPorts() != null) {
        for (com.github.dockerjava.api.model.ExposedPort p : c.getExposedPorts()) {
          ports.add(p.toString());
        }
      }
      return new ImageConfig(
          listOf(c.getCmd()),
          listOf(c.getEntrypoint()),
          listOf(c.getEnv()),
          c.getWorkingDir() == null ? "" : c.getWorkingDir(),
          c.getUser() == null ? "" : c.getUser(),
          ports);
    } catch (NotFoundException e) {
      throw new EngineException("image " + imageId + " not found: " + describe(e), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * Hands {@code reader} the file system of {@code imageId} as a tar stream, from a container that
   * is created with {@code labels}, never started, and removed before this returns. docker-java has
   * no command for {@code /containers/{id}/export}, so it is called through its transport.
   */
  public <T> T exportFileSystem(String imageId, Map<String, String> labels, ExportReader<T> reader)
      throws EngineException {
    String containerId = null;
    try {
      containerId =
          client
              .createContainerCmd(imageId)
              .withLabels(labels)
              .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
              .exec()
              .getId();
      return get("/containers/" + containerId + "/export", "export of image " + imageId, reader);
    } catch (IOException e) {
      throw new EngineException(
          "cannot read the file system of image " + imageId + ": " + e.getMessage(), e);
    } catch (NotFoundException e) {
      throw new EngineException("image " + imageId + " not found: " + describe(e), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    } finally {
      if (containerId != null) {
        try {
          client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException ignored) {
          // Removed by label in the caller's final clean-up.
        }
      }
    }
  }

  @Override
  public <T> T saveImage(String imageId, ExportReader<T> reader) throws EngineException {
    try (InputStream saved = client.saveImageCmd(imageId).exec()) {
      return reader.read(saved);
    } catch (IOException e) {
      throw new EngineException(
          "cannot read the layers of image " + imageId + ": " + e.getMessage(), e);
    } catch (NotFoundException e) {
      throw new EngineException("image " + imageId + " not found: " + describe(e), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  private static List<String> listOf(String[] values) {
    return values == null ? List.of() : List.of(values);
  }

  @Override
  public List<String> removeImages(Collection<String> imageIds) {
    // Children must go before their parents. The ids come oldest first, so newest-first order
    // is right for one run; a second pass catches parents whose children came later in the list.
    List<String> pending = new ArrayList<>(new java.util.LinkedHashSet<>(imageIds));
    java.util.Collections.reverse(pending);
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    for (int pass = 0; pass < 10 && !pending.isEmpty(); pass++) {
      List<String> retry = new ArrayList<>();
      for (String id : pending) {
        try {
          client.removeImageCmd(id).withForce(false).withNoPrune(true).exec();
          problems.remove(id);
        } catch (NotFoundException gone) {
          problems.remove(id); // two builds made the same image, or it was removed already
        } catch (RuntimeException e) {
          problems.put(id, describe(e));
          retry.add(id);
        }
      }
      if (retry.size() == pending.size()) {
        break; // no progress: what is left is held by something outside this run
      }
      pending = retry;
    }
    List<String> messages = new ArrayList<>();
    problems.forEach((id, why) -> messages.add(id + ": " + why));
    return messages;
  }

  @Override
  public List<String> labelledImages(String label, String value) {
    List<String> ids = new ArrayList<>();
    for (com.github.dockerjava.api.model.Image image :
        client.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec()) {
      ids.add(image.getId());
    }
    return ids;
  }

  @Override
  public int removeContainers(String label, String value) {
    int removed = 0;
    List<Container> containers =
        client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec();
    for (Container c : containers) {
      client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
      removed++;
    }
    return removed;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException ignored) {
      // Nothing to release beyond the connection pool.
    }
  }

  private static void remember(StringBuilder output, String line) {
    output.append(line).append('\n');
    if (output.length() > 4000) {
      output.delete(0, output.length() - 4000);
    }
  }

  private static String lastOutput(StringBuilder output) {
    String[] lines = output.toString().strip().split("\n");
    if (lines.length == 0 || lines[0].isEmpty()) {
      return " (no output)";
    }
    return "; last output: " + lines[lines.length - 1];
  }

  private EngineException unreachable(RuntimeException e) {
    if (e instanceof DockerException de) {
      return new EngineException("Docker answered " + de.getHttpStatus() + ": " + describe(e), e);
    }
    return new EngineException(
        "cannot reach the Docker daemon at "
            + config.getDockerHost()
            + " ("
            + describe(e)
            + "); start it or set DOCKER_HOST",
        e);
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.strip().replace('\n', ' ');
  }
}
