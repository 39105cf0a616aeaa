package dev.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RunResult;
import dev.layerlab.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bench whose daemon stops, or whose daemon's disk fills, on a private dockerd that the test
 * starts and stops itself (the machine's daemon is never touched): the one-line message, the exit
 * code, what is kept, and {@code --resume} finishing the run. The bench runs as its own process,
 * reaching the private daemon through {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} and a context
 * chosen with {@code docker context use}. Needs root and dockerd; skipped without them.
 */
class DaemonFaultsIT {

  private static final String BASE = "layerlab-it-base:1";
  private static final Pattern LOST =
      Pattern.compile(
          "layerlab: the Docker daemon stopped answering during build (\\d+) of 20 \\((.+)\\);"
              + " the (\\d+) builds measured so far are kept in (.+)");

  private Path root;
  private Path scenario;
  private Path out;
  private final String runId = "it-faults-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<PrivateDaemon> daemons = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    String why = PrivateDaemon.unavailable();
    assumeThat(why).as("a private Docker daemon is needed: %s", why).isEmpty();
    root = Files.createTempDirectory(Path.of("/tmp"), "llit-");
    scenario = root.resolve("scenario");
    out = root.resolve("reports");
    Files.createDirectories(scenario);
    Files.writeString(scenario.resolve("app.sh"), "echo app\n");
    Files.writeString(scenario.resolve("deps.txt"), "one\n");
    Files.writeString(
        scenario.resolve("Dockerfile.naive"), "FROM " + BASE + "\nCOPY . /app\nRUN sleep 1\n");
    Files.writeString(
        scenario.resolve("Dockerfile.deps-first"),
        "FROM " + BASE + "\nCOPY deps.txt /app/\nRUN sleep 1\nCOPY . /app\n");
    Files.writeString(
        scenario.resolve("scenario.yaml"),
        "name: faults\nvariants:\n  naive: Dockerfile.naive\n  deps-first: Dockerfile.deps-first\n"
            + "changes:\n  edit-source: app.sh\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (PrivateDaemon d : daemons) {
      d.close();
    }
    if (root != null) {
      PrivateDaemon.run(List.of("rm", "-rf", "--one-file-system", root.toString()));
    }
  }

  private PrivateDaemon daemon(String name, long dataBytes) throws Exception {
    PrivateDaemon d = new PrivateDaemon(root.resolve(name), dataBytes);
    daemons.add(d);
    d.start();
    d.importBase(BASE);
    return d;
  }

  @Test
  void daemonStoppedTwiceMidRun_eachStopIsOneLine_andResumeFinishesTheRunOnce() throws Exception {
    long started = System.nanoTime();
    PrivateDaemon daemon = daemon("d", 0);
    List<String> bench =
        List.of(
            "bench",
            scenario.toString(),
            "-o",
            out.toString(),
            "--builder",
            "both",
            "-r",
            "2",
            "--startup-runs",
            "0",
            "--network",
            "none");

    // 1. Through DOCKER_HOST; the daemon stops during naive's first edit-source build (classic).
    List<String> first = new ArrayList<>(bench);
    first.addAll(List.of("--run-id", runId));
    Run stopped =
        layerlab(
            Map.of("DOCKER_HOST", daemon.host()), first, line -> line.startsWith("[3/20]"), daemon);

    // dockerd, stopped, may let the build in progress finish: the run then stops at the next one,
    // naive's second edit-source build. Either way a warm build of naive is the first left.
    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.DOCKER_UNAVAILABLE);
    Matcher lost = LOST.matcher(stopped.lastLine());
    assertThat(lost.matches()).as(stopped.err()).isTrue();
    int stoppedAt = Integer.parseInt(lost.group(1));
    assertThat(stoppedAt).isBetween(4, 5);
    assertThat(lost.group(2)).startsWith("naive · edit-source #").endsWith(", classic");
    assertThat(Integer.parseInt(lost.group(3))).isEqualTo(stoppedAt - 1);
    assertThat(lost.group(4))
        .isEqualTo(
            out.resolve("faults").resolve(runId)
                + "/ and the store; start the daemon, then run: layerlab bench "
                + scenario
                + " --resume "
                + runId
                + " -o "
                + out);
    assertThat(out.resolve("faults").resolve(runId).resolve("summary.md"))
        .content()
        .contains("This run stopped early");
    try (Store store = Store.open(out.resolve("layerlab.sqlite").toString())) {
      RunResult kept = store.load(runId).orElseThrow();
      assertThat(kept.complete()).isFalse();
      assertThat(kept.builds()).hasSize(stoppedAt - 1);
    }

    // 2. Through DOCKER_CONTEXT, resumed; the daemon stops during naive's first edit-source build
    // with BuildKit.
    daemon.start();
    Path config = root.resolve("docker-config");
    Files.createDirectories(config);
    PrivateDaemon.Result created =
        PrivateDaemon.run(
            List.of(
                PrivateDaemon.DOCKER,
                "--config",
                config.toString(),
                "context",
                "create",
                "llit",
                "--docker",
                "host=" + daemon.host()));
    assertThat(created.exitCode()).as(created.output()).isZero();
    List<String> resume =
        List.of("bench", scenario.toString(), "--resume", runId, "-o", out.toString());
    Run stoppedAgain =
        layerlab(
            Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "llit"),
            resume,
            line -> line.startsWith("[13/20]"),
            daemon);

    assertThat(stoppedAgain.exitCode())
        .as(stoppedAgain.err())
        .isEqualTo(ExitCodes.DOCKER_UNAVAILABLE);
    assertThat(stoppedAgain.err())
        .contains("resume: keeping " + (stoppedAt - 1) + " builds measured before")
        .contains(
            "resume: building naive (classic) once on its cache before build "
                + stoppedAt
                + " of 20");
    Matcher lostAgain = LOST.matcher(stoppedAgain.lastLine());
    assertThat(lostAgain.matches()).as(stoppedAgain.err()).isTrue();
    int stoppedAgainAt = Integer.parseInt(lostAgain.group(1));
    assertThat(stoppedAgainAt).isBetween(14, 15);
    assertThat(lostAgain.group(2)).startsWith("naive · edit-source #").endsWith(", buildkit");
    assertThat(Integer.parseInt(lostAgain.group(3))).isEqualTo(stoppedAgainAt - 1);

    // 3. Through the context chosen with `docker context use`, resumed to the end.
    daemon.start();
    PrivateDaemon.Result used =
        PrivateDaemon.run(
            List.of(PrivateDaemon.DOCKER, "--config", config.toString(), "context", "use", "llit"));
    assertThat(used.exitCode()).as(used.output()).isZero();
    Run finished =
        layerlab(Map.of("DOCKER_CONFIG", config.toString()), resume, line -> false, null);

    assertThat(finished.exitCode()).as(finished.err()).isZero();
    assertThat(finished.err())
        .contains(
            "resume: building naive (buildkit) once on its cache before build "
                + stoppedAgainAt
                + " of 20");
    try (Store store = Store.open(out.resolve("layerlab.sqlite").toString())) {
      RunResult whole = store.load(runId).orElseThrow();
      assertThat(whole.complete()).isTrue();
      assertThat(whole.builds()).hasSize(20).allMatch(b -> b.status() == BuildStatus.OK);
      assertThat(whole.builds().stream().map(DaemonFaultsIT::cell).distinct().count())
          .as("every cell measured once")
          .isEqualTo(20);
    }
    assertThat(out.resolve("faults").resolve(runId).resolve("summary.md"))
        .content()
        .contains("This run was resumed")
        .doesNotContain("This run stopped early");
    assertThat(daemon.labelled("image", "dev.layerlab.run=" + runId)).isEmpty();
    assertThat(daemon.labelled("ps", "dev.layerlab.run=" + runId)).isEmpty();
    // The daemon is this test's own, so whatever else is left on it can be listed. The step images
    // of the kept builds and what grew on them are removed; a build the daemon finishes after it
    // was told to stop can still commit a layer on the base image that no output ever named, which
    // nothing ties to the run: those are printed, not asserted.
    for (String image : daemon.untaggedOrAny("image")) {
      System.out.println(
          "DaemonFaultsIT: left on the daemon: "
              + daemon
                  .docker(
                      "inspect",
                      "--format",
                      "{{.Id}} parent={{.Parent}} cmd={{json .ContainerConfig.Cmd}}",
                      image.split(" ")[0])
                  .output()
                  .strip());
    }
    assertThat(daemon.untaggedOrAny("ps")).as("containers left").isEmpty();
    System.out.println("DaemonFaultsIT, first stop: " + stopped.lastLine());
    System.out.println("DaemonFaultsIT, second stop: " + stoppedAgain.lastLine());
    System.out.printf(
        "DaemonFaultsIT: two stops and two resumptions of a 20-build run in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
  }

  @Test
  void daemonDiskFills_eachBuilderFailsWithOneLineNamingTheDisk_keepingWhatWasMeasured()
      throws Exception {
    long started = System.nanoTime();
    PrivateDaemon daemon = daemon("full", 64L << 20);
    Files.writeString(
        scenario.resolve("Dockerfile.deps-first"),
        "FROM " + BASE + "\nCOPY . /app\nRUN dd if=/dev/zero of=/big bs=1M count=200\n");

    for (String builder : List.of("classic", "buildkit")) {
      String id = runId + "-" + builder;
      Run full =
          layerlab(
              Map.of("DOCKER_HOST", daemon.host()),
              List.of(
                  "bench",
                  scenario.toString(),
                  "-o",
                  out.toString(),
                  "--builder",
                  builder,
                  "-r",
                  "1",
                  "--startup-runs",
                  "0",
                  "--network",
                  "none",
                  "--run-id",
                  id),
              line -> false,
              null);

      assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCodes.BUILD_FAILED);
      assertThat(full.lastLine())
          .isEqualTo(
              "layerlab: no space left on device in the Docker daemon's storage during build 4"
                  + " of 6 (deps-first · cold, "
                  + builder
                  + "); the 3 builds measured so far are kept in "
                  + out.resolve("faults").resolve(id)
                  + "/ and the store; free space (docker system df shows what takes it), then"
                  + " run: layerlab bench "
                  + scenario
                  + " --resume "
                  + id
                  + " -o "
                  + out);
      try (Store store = Store.open(out.resolve("layerlab.sqlite").toString())) {
        RunResult kept = store.load(id).orElseThrow();
        assertThat(kept.complete()).isFalse();
        assertThat(kept.builds()).filteredOn(b -> b.status() == BuildStatus.OK).hasSize(3);
      }
      assertThat(daemon.labelled("image", "dev.layerlab.run=" + id)).isEmpty();
      assertThat(daemon.labelled("ps", "dev.layerlab.run=" + id)).isEmpty();
    }
    System.out.printf(
        "DaemonFaultsIT: a full daemon disk with both builders in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
  }

  @Test
  void reportDirectoryFills_oneLine_storeKeepsTheRun_andNoReportFileIsHalfWritten()
      throws Exception {
    PrivateDaemon daemon = daemon("d", 0);
    Path tiny = root.resolve("tiny");
    Files.createDirectories(tiny);
    PrivateDaemon.Result mounted =
        PrivateDaemon.run(
            List.of("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", tiny.toString()));
    assertThat(mounted.exitCode()).as(mounted.output()).isZero();
    try {
      Path storeFile = root.resolve("store.sqlite");
      Run full =
          layerlab(
              Map.of("DOCKER_HOST", daemon.host()),
              List.of(
                  "bench",
                  scenario.toString(),
                  "-o",
                  tiny.toString(),
                  "--store",
                  storeFile.toString(),
                  "--variant",
                  "naive",
                  "-r",
                  "1",
                  "--startup-runs",
                  "0",
                  "--network",
                  "none",
                  "--run-id",
                  runId),
              line -> false,
              null);

      assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(full.lastLine())
          .startsWith(
              "layerlab: cannot write the report in " + tiny.resolve("faults").resolve(runId))
          .contains("No space left on device")
          .contains("no file of it was left half-written")
          .contains(
              "layerlab report "
                  + tiny.resolve("faults").resolve(runId)
                  + " --run-id "
                  + runId
                  + " --store "
                  + storeFile);
      try (var files = Files.walk(tiny)) {
        assertThat(files.filter(Files::isRegularFile).toList())
            .as("no report file, whole or half")
            .isEmpty();
      }
      try (Store store = Store.open(storeFile.toString())) {
        assertThat(store.load(runId).orElseThrow().builds()).hasSize(3);
      }
    } finally {
      PrivateDaemon.run(List.of("umount", "-l", tiny.toString()));
    }
  }

  private static String cell(BuildRecord b) {
    return b.builder() + " " + b.variant() + " " + b.change() + " " + b.repetition();
  }

  /** What one layerlab process printed and how it ended. */
  record Run(int exitCode, String err) {
    String lastLine() {
      List<String> lines = err.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  /**
   * Runs layerlab as its own process with only these Docker settings in its environment; once a
   * line of its output matches {@code stopAfter}, waits a moment (into the next build) and stops
   * the daemon.
   */
  private Run layerlab(
      Map<String, String> docker,
      List<String> args,
      Predicate<String> stopAfter,
      PrivateDaemon daemon)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = new HashMap<>(pb.environment());
    env.keySet().removeIf(k -> k.startsWith("DOCKER_"));
    env.putAll(docker);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    StringBuilder text = new StringBuilder();
    boolean stopped = false;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        text.append(line).append('\n');
        if (!stopped && stopAfter.test(line)) {
          stopped = true;
          Thread.sleep(500);
          daemon.stop();
        }
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new Run(p.exitValue(), text.toString());
  }
}
