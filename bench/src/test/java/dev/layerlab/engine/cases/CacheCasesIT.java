package dev.layerlab.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.layerlab.engine.BuildKitCliEngine;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.EngineInfo;
import dev.layerlab.engine.cases.CaseBuild.Case;
import dev.layerlab.measure.StepRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten cache cases built for real with both builders: each fixture is built, changed, and built
 * again, and what each builder reused is compared with CACHE-SEMANTICS.md. Where the daemon does
 * something else, the assertion follows the daemon and a comment says so. Needs Docker and
 * python:3.11-slim; writes the observations to {@code target/cache-cases/observations.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class CacheCasesIT {

  private static final String LABEL = "dev.layerlab.run";

  @TempDir static Path work;

  private final String runId = "cases-" + UUID.randomUUID();
  private final List<CaseObservation> observations = new ArrayList<>();
  private List<CaseBuild.ModelCheck> modelChecks = List.of();
  private DockerJavaEngine classicEngine;
  private BuildKitCliEngine buildkitEngine;
  private CaseBuild classic;
  private CaseBuild buildkit;
  private LoopbackFileServer server;
  private List<String> firstBuildRequests = List.of();

  @BeforeAll
  void start() throws Exception {
    classicEngine = new DockerJavaEngine(System::nanoTime, work.resolve("scratch"));
    buildkitEngine = new BuildKitCliEngine(System::nanoTime, work.resolve("scratch"));
    EngineInfo c = classicEngine.info();
    EngineInfo b = buildkitEngine.info();
    Map<String, String> labels = Map.of(LABEL, runId);
    classic = new CaseBuild(classicEngine, "classic", c.serverVersion(), work, labels);
    buildkit =
        new CaseBuild(
            buildkitEngine, "buildkit", b.serverVersion() + " via " + b.engine(), work, labels);
    server = new LoopbackFileServer();
  }

  @AfterAll
  void cleanUpAndReport() throws Exception {
    try {
      server.close();
      System.out.println(CaseTable.render(observations));
      List<CaseBuild.ModelCheck> checks = new ArrayList<>(classic.checks());
      checks.addAll(buildkit.checks());
      int steps = 0;
      int right = 0;
      for (CaseBuild.ModelCheck check : checks) {
        steps += check.steps().size() - check.conditional().size();
        right += check.steps().size() - check.conditional().size() - check.wrong().size();
        System.out.println(
            "model vs "
                + check.builder()
                + ", case "
                + check.caseId()
                + ": "
                + (check.agrees() ? "agrees" : "DISAGREES")
                + (check.wrong().isEmpty() ? "" : " " + check.wrong())
                + (check.conditional().isEmpty()
                    ? ""
                    : " (" + check.conditional().size() + " step(s) checked at build time)")
                + (check.observedError().isEmpty()
                    ? ""
                    : " [build failed; model: "
                        + (check.predictedFailure().isEmpty() ? "no failure" : "fails")
                        + "]"));
      }
      System.out.println(
          "cache model vs engine on the cases: "
              + right
              + " of "
              + steps
              + " steps agree; "
              + checks.stream().filter(CaseBuild.ModelCheck::agrees).count()
              + " of "
              + checks.size()
              + " case builds agree");
      modelChecks = checks;
      List<String> all = new ArrayList<>(classic.createdImages());
      all.addAll(buildkit.createdImages());
      assertThat(classicEngine.removeImages(all)).as("every image removed").isEmpty();
      classicEngine.removeContainers(LABEL, runId);
      assertThat(Docker.imagesLabelled(LABEL, runId)).as("no image of this run left").isEmpty();

      Path out = Path.of("target", "cache-cases", "observations.json");
      Files.createDirectories(out.getParent());
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), observations);
      assertThat(Docker.existing(all)).as("no image this run created is left").isEmpty();
    } finally {
      classicEngine.close();
      buildkitEngine.close();
    }
    assertThat(modelChecks)
        .as("layerlab's cache model agrees with the real builder on every case")
        .allMatch(CaseBuild.ModelCheck::agrees);
  }

  // Case 1: COPY . . before an install step; one source line edited.
  @Test
  void case01_copyAllBeforeInstall_rebuildsInstallOnSourceEdit() throws Exception {
    String dockerfile =
        """
        FROM python:3.11-slim
        RUN echo TOKEN > /token
        WORKDIR /app
        COPY . .
        RUN python3 -c "import json; print(json.load(open('package.json'))['name'])" > /deps
        RUN cat src/index.js > /bundle.js
        """;
    Case c =
        Case.of(
            "01-copy-all-before-install",
            dir -> {
              dockerfile(dir, dockerfile);
              write(dir, "package.json", "{\"name\": \"web\", \"dependencies\": {}}\n");
              write(dir, "src/index.js", "console.log('one');\nconsole.log('two');\n");
            },
            dir -> write(dir, "src/index.js", "console.log('one');\nconsole.log('2');\n"));

    Pair p = observe(c);

    assertMissed(p.classic).containsExactly(4, 5, 6);
    assertMissed(p.buildkit).containsExactly(4, 5, 6);
  }

  // Case 2: no .dockerignore; the context becomes a git repository between the builds.
  @Test
  void case02_gitCommitInContext_bustsCopyAll() throws Exception {
    Case c =
        Case.of(
            "02-git-dir-in-context",
            dir -> {
              dockerfile(dir, "FROM scratch\nCOPY . /app/\nCOPY app.txt /app.txt\n");
              write(dir, "app.txt", "app " + runId + "\n");
            },
            dir -> {
              git(dir, "init", "-q");
              git(dir, "config", "user.name", "layerlab test");
              git(dir, "config", "user.email", "test@layerlab.invalid");
              git(dir, "commit", "-q", "--allow-empty", "-m", "empty");
            });

    Pair p = observe(c);

    // .git is sent and copied: the context gained files.
    assertMissed(p.classic).containsExactly(2, 3);
    // BuildKit: the second COPY's source is unchanged, but its destination input (the first
    // COPY's result) changed, so it misses too.
    assertMissed(p.buildkit).containsExactly(2, 3);
  }

  // Case 3: node_modules in .dockerignore matches only the top level.
  @Test
  void case03_nestedNodeModules_notIgnoredByTopLevelPattern() throws Exception {
    Case c =
        Case.of(
            "03-nested-node-modules",
            dir -> {
              dockerfile(dir, "FROM scratch\nCOPY token /token\nCOPY . /app/\n");
              write(dir, "token", runId + "\n");
              write(dir, ".dockerignore", "node_modules\n");
              write(dir, "node_modules/top.js", "1\n");
              write(dir, "packages/web/node_modules/x.js", "1\n");
            },
            dir -> {
              write(dir, "packages/web/node_modules/x.js", "2\n");
              write(dir, "node_modules/top.js", "2\n");
            });

    Pair p = observe(c);

    assertMissed(p.classic).containsExactly(3);
    assertMissed(p.buildkit).containsExactly(3);
  }

  // Case 4a: ARG declared early; only the build arg's value changes.
  @Test
  void case04a_earlyArg_bustsEveryLaterRun_evenUnused() throws Exception {
    String dockerfile =
        """
        FROM python:3.11-slim
        RUN echo TOKEN > /token
        ARG APP_VERSION=0
        RUN echo setup > /setup
        COPY app.txt /app.txt
        RUN echo $APP_VERSION > /version
        """;
    Case c =
        Case.of(
                "04a-arg-early",
                dir -> {
                  dockerfile(dir, dockerfile);
                  write(dir, "app.txt", "app\n");
                },
                dir -> {})
            .withArgs(Map.of("APP_VERSION", "1"), Map.of("APP_VERSION", "2"));

    Pair p = observe(c);

    // Classic: the ARG step itself hits (its key is the default text); the unused RUN misses.
    assertMissed(p.classic).containsExactly(4, 5, 6);
    assertMissed(p.buildkit).containsExactly(4, 5, 6);
  }

  // Case 4b: the same ARG declared just before its use.
  @Test
  void case04b_argDeclaredBeforeUse_limitsTheMisses() throws Exception {
    String dockerfile =
        """
        FROM python:3.11-slim
        RUN echo TOKEN > /token
        RUN echo setup > /setup
        COPY app.txt /app.txt
        ARG APP_VERSION=0
        RUN echo $APP_VERSION > /version
        """;
    Case c =
        Case.of(
                "04b-arg-late",
                dir -> {
                  dockerfile(dir, dockerfile);
                  write(dir, "app.txt", "app\n");
                },
                dir -> {})
            .withArgs(Map.of("APP_VERSION", "1"), Map.of("APP_VERSION", "2"));

    Pair p = observe(c);

    assertMissed(p.classic).containsExactly(6);
    assertMissed(p.buildkit).containsExactly(6);
  }

  // Case 5: an "apt-get update" step alone, the install in the next step; the install is edited.
  @Test
  void case05_updateAlone_staysCachedWhenInstallLineChanges() throws Exception {
    String before =
        """
        FROM python:3.11-slim
        RUN echo TOKEN > /token
        RUN date +%s%N > /package-lists
        RUN echo pkg-a > /installed
        """;
    Case c =
        Case.of(
            "05-update-alone",
            dir -> dockerfile(dir, before),
            dir -> dockerfile(dir, before.replace("echo pkg-a", "echo pkg-a pkg-b")));

    Pair p = observe(c);

    assertMissed(p.classic).containsExactly(4);
    assertMissed(p.buildkit).containsExactly(4);
  }

  // Case 6a: ADD of a URL served on loopback, unchanged between the builds.
  @Test
  void case06a_addUrl_unchangedOnServer() throws Exception {
    Pair p = observe(addUrlCase("06a-add-url-unchanged", false));

    assertMissed(p.classic).isEmpty();
    assertMissed(p.buildkit).isEmpty();
    // Classic downloads the file on every build and keys the copy on its content: a hit.
    assertThat(p.classic.notes()).contains("second build GET");
    // BuildKit asks with the ETag it kept and gets 304 Not Modified: no download. (On Docker
    // 20.10.24 its first build already sends an If-None-Match, so only the second is asserted.)
    assertThat(p.buildkit.notes()).contains("second build HEAD If-None-Match");
  }

  // Case 6b: the same, with the file changed on the server and nothing changed locally.
  @Test
  void case06b_addUrl_changedOnServer() throws Exception {
    Pair p = observe(addUrlCase("06b-add-url-changed", true));

    assertMissed(p.classic).containsExactly(3, 4);
    assertMissed(p.buildkit).containsExactly(3, 4);
    assertThat(p.classic.notes()).contains("second build GET");
    assertThat(p.buildkit.notes())
        .as("a new ETag: BuildKit downloads")
        .contains("second build HEAD If-None-Match + GET If-None-Match");
  }

  private Case addUrlCase(String id, boolean change) {
    String dockerfile =
        "FROM scratch\nCOPY token /token\nADD "
            + server.url()
            + " /file.txt\nCOPY app.txt /app.txt\n";
    return Case.of(
            id,
            dir -> {
              dockerfile(dir, dockerfile);
              write(dir, "token", runId + "\n");
              write(dir, "app.txt", "app\n");
              server.serve("served v1 " + runId + " " + id + "\n");
              server.takeRequests();
            },
            dir -> {
              firstBuildRequests = server.takeRequests();
              if (change) {
                server.serve("served v2 " + runId + " " + id + "\n");
              }
            })
        .withNetwork("host");
  }

  // Case 7a: a source file made executable, content unchanged.
  @Test
  void case07a_chmodPlusX_bustsTheCopy() throws Exception {
    Case c =
        Case.of(
            "07a-chmod-x",
            dir -> {
              dockerfile(
                  dir,
                  "FROM scratch\nCOPY token /token\nCOPY run.sh /run.sh\n"
                      + "COPY app.txt /app.txt\n");
              write(dir, "token", runId + "\n");
              write(dir, "run.sh", "echo run\n");
              write(dir, "app.txt", "app\n");
              Files.setPosixFilePermissions(
                  dir.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
            },
            dir ->
                Files.setPosixFilePermissions(
                    dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x")));

    Pair p = observe(c);

    assertMissed(p.classic).containsExactly(3, 4);
    assertMissed(p.buildkit).containsExactly(3, 4);
  }

  // Case 7b: COPY --chmod=755; the source is then made executable.
  @Test
  void case07b_copyChmodFlag() throws Exception {
    Case c =
        Case.of(
            "07b-copy-chmod-flag",
            dir -> {
              dockerfile(
                  dir,
                  "FROM scratch\nCOPY token /token\nCOPY --chmod=755 run.sh /run.sh\n"
                      + "COPY app.txt /app.txt\n");
              write(dir, "token", runId + "\n");
              write(dir, "run.sh", "echo run\n");
              write(dir, "app.txt", "app\n");
              Files.setPosixFilePermissions(
                  dir.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
            },
            dir ->
                Files.setPosixFilePermissions(
                    dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x")));

    Pair p = observe(c);

    assertThat(p.classic.failed()).as("the classic builder rejects --chmod").isTrue();
    assertThat(p.classic.error()).containsIgnoringCase("chmod");
    assertThat(p.buildkit.failed()).isFalse();
    // Docker 20.10.24: --chmod does not take the source's mode out of BuildKit's key. The file it
    // writes is 0755 either way, yet making the source executable busts the copy.
    assertMissed(p.buildkit).containsExactly(3, 4);
  }

  // Case 8: RUN --mount=type=cache: BuildKit only.
  @Test
  void case08_runMountCache_classicRejects_buildKitReusesTheStep() throws Exception {
    String dockerfile =
        """
        FROM python:3.11-slim
        RUN echo TOKEN > /token
        RUN --mount=type=cache,target=/x date +%s%N >> /x/runs && cp /x/runs /runs
        COPY app.txt /app.txt
        """;
    Case c =
        Case.of(
            "08-run-mount-cache",
            dir -> {
              dockerfile(dir, dockerfile);
              write(dir, "app.txt", "app\n");
            },
            dir -> write(dir, "app.txt", "app edited\n"));

    Pair p = observe(c);

    assertThat(p.classic.failed()).isTrue();
    assertThat(p.classic.error()).contains("--mount");
    assertThat(p.buildkit.failed()).isFalse();
    assertMissed(p.buildkit).containsExactly(4);
  }

  // Case 9: WORKDIR with a trailing slash, built twice unchanged.
  @Test
  void case09_workdirTrailingSlash_rebuild() throws Exception {
    String dockerfile =
        """
        FROM python:3.11-slim
        RUN echo TOKEN > /token
        WORKDIR /root/
        COPY app.txt ./
        RUN cat app.txt > copy.txt
        """;
    Case c =
        Case.of(
            "09-workdir-trailing-slash",
            dir -> {
              dockerfile(dir, dockerfile);
              write(dir, "app.txt", "app\n");
            },
            dir -> {});

    Pair p = observe(c);

    // Docker 20.10.24: nothing odd with the trailing slash on either builder; the rebuild hits.
    assertMissed(p.classic).isEmpty();
    assertMissed(p.buildkit).isEmpty();
  }

  // Case 10: a file touched with identical content.
  @Test
  void case10_touchSameContent_isAHit() throws Exception {
    Case c =
        Case.of(
            "10-touch-same-content",
            dir -> {
              dockerfile(dir, "FROM scratch\nCOPY token /token\nCOPY . /app/\n");
              write(dir, "token", runId + "\n");
              write(dir, "app.txt", "app\n");
            },
            dir ->
                Files.setLastModifiedTime(
                    dir.resolve("app.txt"), FileTime.from(Instant.now().plusSeconds(3600))));

    Pair p = observe(c);

    assertMissed(p.classic).isEmpty();
    assertMissed(p.buildkit).isEmpty();
  }

  private static org.assertj.core.api.ListAssert<Integer> assertMissed(CaseObservation o) {
    return assertThat(o.missedLines())
        .as(
            "%s %s missed lines; steps after the change: %s",
            o.caseId(), o.builder(), describe(o.after()));
  }

  /** The two builders' observations of one case. */
  private record Pair(CaseObservation classic, CaseObservation buildkit) {}

  private Pair observe(Case c) throws Exception {
    CaseObservation[] both = new CaseObservation[2];
    int k = 0;
    for (CaseBuild build : List.of(classic, buildkit)) {
      List<String> notes = new ArrayList<>();
      server.takeRequests();
      firstBuildRequests = List.of();
      CaseObservation o = build.run(c, notes);
      List<String> secondBuildRequests = server.takeRequests();
      if (!firstBuildRequests.isEmpty() || !secondBuildRequests.isEmpty()) {
        notes.add("server saw: first build " + String.join(" + ", firstBuildRequests));
        notes.add("second build " + String.join(" + ", secondBuildRequests));
        o =
            new CaseObservation(
                o.caseId(),
                o.builder(),
                o.engineVersion(),
                o.before(),
                o.after(),
                o.error(),
                notes);
      }
      observations.add(o);
      both[k++] = o;
    }
    return new Pair(both[0], both[1]);
  }

  private void dockerfile(Path dir, String text) throws IOException {
    write(dir, "Dockerfile", text.replace("TOKEN", runId));
  }

  private static void write(Path dir, String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }

  /** Lines of the steps, for messages. */
  static String describe(List<StepRecord> steps) {
    return steps.stream()
        .map(s -> s.line() + (s.cached() ? " hit " : " MISS ") + s.instruction())
        .collect(Collectors.joining("; "));
  }
}
