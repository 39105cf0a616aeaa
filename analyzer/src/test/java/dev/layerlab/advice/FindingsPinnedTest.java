package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.DockerfileParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly which findings (rule id and line) each cache case and each scenario variant gets, with
 * each builder, read the way {@code layerlab check -C DIR} reads it (the context walked, so LL002
 * measures it). A rule change that adds, drops or moves a finding on any of them fails here, and
 * the expectation is updated on purpose.
 *
 * <p>The cache cases are the Dockerfiles and contexts of the cache model's unit cases and of the
 * cases built for real in {@code CacheCasesIT}: a source edit after {@code COPY . .}, {@code .git}
 * in the context, nested {@code node_modules}, ARG placement, {@code apt-get update} alone, {@code
 * ADD} of a URL, {@code chmod}, {@code RUN --mount} on classic, {@code WORKDIR /root/}, {@code
 * touch}.
 */
class FindingsPinnedTest {

  private static final Path SCENARIOS = Path.of("..", "scenarios");

  /**
   * One case.
   *
   * @param files context files, path to content
   * @param classic the expected findings with the classic builder, {@code LL001:4 LL005:4}
   * @param buildkit the same with BuildKit
   */
  private record Case(
      String name, String dockerfile, Map<String, String> files, String classic, String buildkit) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, String> files(String... pathAndContent) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pathAndContent.length; i += 2) {
      m.put(pathAndContent[i], pathAndContent[i + 1]);
    }
    return m;
  }

  private static final String NODE =
      "FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"src/index.js\"]\n";

  private static Map<String, String> nodeFiles(String... more) {
    Map<String, String> m =
        files(
            "package.json",
            "{\"name\":\"app\"}",
            "package-lock.json",
            "{}",
            "src/index.js",
            "console.log('hi')\n");
    m.putAll(files(more));
    return m;
  }

  static Stream<Case> cacheCases() {
    return Stream.of(
        // The cache model's unit cases.
        new Case(
            "model: source edit after COPY . .",
            NODE,
            nodeFiles(),
            "LL001:4 LL005:4",
            "LL001:4 LL005:4 LL009:4"),
        new Case(
            "model: .git in the context",
            NODE,
            nodeFiles(".git/HEAD", "ref: refs/heads/main\n", ".git/refs/heads/main", "aaaa\n"),
            "LL002:3 LL001:4 LL005:4",
            "LL002:3 LL001:4 LL005:4 LL009:4"),
        new Case(
            "model: nested node_modules",
            NODE,
            nodeFiles(
                ".dockerignore",
                "node_modules/\n",
                "node_modules/a.js",
                "1",
                "packages/web/node_modules/x.js",
                "1"),
            "LL002:3 LL001:4 LL005:4",
            "LL002:3 LL001:4 LL005:4 LL009:4"),
        new Case(
            "model: ARG early",
            "FROM alpine\nARG APP_VERSION=1\nCOPY app.txt /app/\nRUN echo build\n"
                + "RUN echo $APP_VERSION\n",
            files("app.txt", "x"),
            "LL003:2",
            "LL003:2"),
        new Case(
            "model: ARG just before its use",
            "FROM alpine\nRUN echo build\nARG APP_VERSION\nRUN echo $APP_VERSION\n",
            files(),
            "",
            ""),
        new Case(
            "model: apt-get update alone",
            "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n",
            files(),
            "LL004:2 LL005:2",
            "LL004:2 LL005:2 LL009:3"),
        new Case(
            "model: ADD of a URL",
            "FROM alpine\nADD http://127.0.0.1:8765/file.txt /srv/\nRUN echo after\n",
            files(),
            "LL008:2",
            "LL008:2"),
        new Case(
            "model: ADD of a URL with a checksum",
            "FROM alpine\nADD --checksum=sha256:"
                + "0".repeat(64)
                + " http://127.0.0.1:8765/file.txt /srv/\n",
            files(),
            "",
            ""),
        new Case(
            "model: chmod of a copied file",
            "FROM alpine\nCOPY run.sh /usr/local/bin/\n",
            files("run.sh", "echo hi\n"),
            "",
            ""),
        new Case(
            "model: COPY --chmod",
            "FROM alpine\nCOPY --chmod=755 run.sh /usr/local/bin/\nRUN run.sh\n",
            files("run.sh", "echo hi\n"),
            "",
            ""),
        new Case(
            "model: RUN --mount on classic",
            "FROM python:3.11-slim\nCOPY requirements.txt .\n"
                + "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt\n"
                + "CMD [\"python\"]\n",
            files("requirements.txt", "flask\n"),
            "",
            ""),
        new Case(
            "model: WORKDIR /root/", "FROM alpine\nWORKDIR /root/\nRUN echo hi\n", files(), "", ""),
        new Case("model: touch", NODE, nodeFiles(), "LL001:4 LL005:4", "LL001:4 LL005:4 LL009:4"),
        // The cases built for real.
        new Case(
            "built 01: copy all before install",
            "FROM python:3.11-slim\nRUN echo TOKEN > /token\nWORKDIR /app\nCOPY . .\n"
                + "RUN python3 -c \"import json; print(json.load(open('package.json'))['name'])\""
                + " > /deps\nRUN cat src/index.js > /bundle.js\n",
            files(
                "package.json",
                "{\"name\": \"web\", \"dependencies\": {}}\n",
                "src/index.js",
                "console.log('one');\n"),
            "",
            ""),
        new Case(
            "built 02: .git in the context",
            "FROM scratch\nCOPY . /app/\nCOPY app.txt /app.txt\n",
            files("app.txt", "app\n", ".git/HEAD", "ref: refs/heads/main\n"),
            "LL002:2",
            "LL002:2"),
        new Case(
            "built 03: nested node_modules",
            "FROM scratch\nCOPY token /token\nCOPY . /app/\n",
            files(
                "token",
                "t\n",
                ".dockerignore",
                "node_modules\n",
                "node_modules/top.js",
                "1\n",
                "packages/web/node_modules/x.js",
                "1\n"),
            "LL002:3",
            "LL002:3"),
        new Case(
            "built 04a: ARG early",
            "FROM python:3.11-slim\nRUN echo TOKEN > /token\nARG APP_VERSION=0\n"
                + "RUN echo setup > /setup\nCOPY app.txt /app.txt\nRUN echo $APP_VERSION > /version\n",
            files("app.txt", "app\n"),
            "LL003:3",
            "LL003:3"),
        new Case(
            "built 04b: ARG before its use",
            "FROM python:3.11-slim\nRUN echo TOKEN > /token\nRUN echo setup > /setup\n"
                + "COPY app.txt /app.txt\nARG APP_VERSION=0\nRUN echo $APP_VERSION > /version\n",
            files("app.txt", "app\n"),
            "",
            ""),
        new Case(
            "built 05: update alone (stand-in commands)",
            "FROM python:3.11-slim\nRUN echo TOKEN > /token\nRUN date +%s%N > /package-lists\n"
                + "RUN echo pkg-a > /installed\n",
            files(),
            "",
            ""),
        new Case(
            "built 06: ADD of a URL",
            "FROM scratch\nCOPY token /token\nADD http://127.0.0.1:8765/file.txt /file.txt\n"
                + "COPY app.txt /app.txt\n",
            files("token", "t\n", "app.txt", "app\n"),
            "LL008:3",
            "LL008:3"),
        new Case(
            "built 07a: chmod +x",
            "FROM scratch\nCOPY token /token\nCOPY run.sh /run.sh\nCOPY app.txt /app.txt\n",
            files("token", "t\n", "run.sh", "echo run\n", "app.txt", "app\n"),
            "",
            ""),
        new Case(
            "built 07b: COPY --chmod",
            "FROM scratch\nCOPY token /token\nCOPY --chmod=755 run.sh /run.sh\n"
                + "COPY app.txt /app.txt\n",
            files("token", "t\n", "run.sh", "echo run\n", "app.txt", "app\n"),
            "",
            ""),
        new Case(
            "built 08: RUN --mount",
            "FROM python:3.11-slim\nRUN echo TOKEN > /token\n"
                + "RUN --mount=type=cache,target=/x date +%s%N >> /x/runs && cp /x/runs /runs\n"
                + "COPY app.txt /app.txt\n",
            files("app.txt", "app\n"),
            "",
            ""),
        new Case(
            "built 09: WORKDIR /root/",
            "FROM python:3.11-slim\nRUN echo TOKEN > /token\nWORKDIR /root/\nCOPY app.txt ./\n"
                + "RUN cat app.txt > copy.txt\n",
            files("app.txt", "app\n"),
            "",
            ""),
        new Case(
            "built 10: touch",
            "FROM scratch\nCOPY token /token\nCOPY . /app/\n",
            files("token", "t\n", "app.txt", "app\n"),
            "",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cacheCases")
  void cacheCase_getsExactlyItsFindings(Case c, @org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), c.dockerfile(), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }

    assertThat(findings(dir, dir.resolve("Dockerfile"), BuilderKind.CLASSIC))
        .as("classic builder")
        .isEqualTo(c.classic());
    assertThat(findings(dir, dir.resolve("Dockerfile"), BuilderKind.BUILDKIT))
        .as("BuildKit")
        .isEqualTo(c.buildkit());
  }

  static Stream<Arguments> scenarioVariants() {
    return Stream.of(
        Arguments.of("python-app", "Dockerfile.naive", "LL001:10", "LL001:10 LL009:10"),
        Arguments.of("python-app", "Dockerfile.deps-first", "", "LL009:9"),
        Arguments.of("node-app", "Dockerfile.naive", "LL001:9 LL005:9", "LL001:9 LL005:9 LL009:9"),
        Arguments.of("node-app", "Dockerfile.deps-first", "LL005:9", "LL005:9 LL009:9"),
        Arguments.of("node-app", "Dockerfile.cache-mount", "", ""),
        Arguments.of("java-app", "Dockerfile.naive", "LL001:9 LL010:9", "LL001:9 LL009:9 LL010:9"),
        Arguments.of("java-app", "Dockerfile.deps-first", "LL010:13", "LL009:10 LL009:13 LL010:13"),
        Arguments.of("java-app", "Dockerfile.cache-mount", "LL010:14", "LL010:14"),
        Arguments.of(
            "multistage-app",
            "Dockerfile.naive",
            "LL001:11 LL010:11",
            "LL001:11 LL009:11 LL010:11"),
        Arguments.of("multistage-app", "Dockerfile.deps-first", "", "LL009:10 LL009:13"),
        Arguments.of("multistage-app", "Dockerfile.cache-mount", "", ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenarioVariants")
  void scenarioVariant_getsExactlyItsFindings(
      String scenario, String dockerfile, String classic, String buildkit) throws Exception {
    Path dir = SCENARIOS.resolve(scenario);

    assertThat(findings(dir, dir.resolve(dockerfile), BuilderKind.CLASSIC))
        .as("classic builder")
        .isEqualTo(classic);
    assertThat(findings(dir, dir.resolve(dockerfile), BuilderKind.BUILDKIT))
        .as("BuildKit")
        .isEqualTo(buildkit);
  }

  /** Every scenario variant is pinned above: a new one has to be added there. */
  @org.junit.jupiter.api.Test
  void everyScenarioVariant_isPinned() throws Exception {
    List<String> pinned =
        scenarioVariants().map(a -> a.get()[0] + "/" + a.get()[1]).sorted().toList();
    List<String> present = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(SCENARIOS)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> fs = Files.list(d)) {
          fs.map(f -> f.getFileName().toString())
              .filter(n -> n.startsWith("Dockerfile."))
              .forEach(n -> present.add(d.getFileName() + "/" + n));
        }
      }
    }
    assertThat(pinned).isEqualTo(present.stream().sorted().toList());
  }

  /** The findings as {@code check -C DIR --builder B} computes them, as {@code LL001:4 ...}. */
  private static String findings(Path context, Path dockerfile, BuilderKind builder)
      throws Exception {
    ContextSender sender =
        builder == BuilderKind.BUILDKIT ? ContextSender.BUILDKIT : ContextSender.CLASSIC;
    IgnoreRules rules = IgnoreRules.forBuild(context, dockerfile, sender);
    var snapshot = new ContextWalker(rules, SnapshotCache.none(), sender).snapshot(context);
    String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
    Analysis analysis =
        Advisor.analyze(
            DockerfileParser.parse(text, dockerfile.getFileName().toString()),
            text,
            AdviceOptions.defaults(java.util.Optional.of(context))
                .withBuilder(builder)
                .withSnapshot(snapshot));
    return String.join(
        " ", analysis.findings().stream().map(f -> f.ruleId() + ":" + f.line()).toList());
  }
}
