package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds real contexts with the patterns users get wrong and checks that what reached the image is
 * what {@link ContextWalker} predicts, for the classic builder (two CLI versions) and BuildKit.
 *
 * <p>Each build is {@code FROM scratch} plus {@code COPY . /ctx/}; the image's {@code /ctx} is read
 * back with {@code docker cp}. Images and containers carry a label with this run's id and are
 * removed after each build; the last check is that none is left.
 */
class DockerignoreIT {

  private static final String LABEL = "dev.layerlab.test";
  private static final String RUN = "ignore-" + UUID.randomUUID().toString().substring(0, 8);

  /**
   * The first Docker release whose BuildKit client enters an excluded directory for a wildcard
   * exception such as {@code !*}{@code /*.txt}. Docker 20.10 does not (moby/buildkit#2371, seen
   * here): it enters only where an exception literally begins with the directory, as the classic
   * client does. By 2023 BuildKit did (moby/moby#45608 reports it differing from the classic
   * builder there); releases went from 20.10 straight to 23.0. Only 20.10 is verified here.
   */
  static final int BUILDKIT_WILDCARD_EXCEPTIONS_SINCE = 23;

  private static DockerCli current;
  private static DockerCli debian;
  private static String serverVersion;
  private static String debianClientVersion;
  private static String currentClientVersion;

  @TempDir Path temp;

  /** A builder as a user invokes it. */
  enum Builder {
    CLASSIC_CURRENT_CLI(ContextSender.CLASSIC),
    CLASSIC_DEBIAN_CLI(ContextSender.CLASSIC),
    BUILDKIT(ContextSender.BUILDKIT);

    final ContextSender sender;

    Builder(ContextSender sender) {
      this.sender = sender;
    }
  }

  /** A context users get wrong: its ignore file and files. */
  record Case(String name, String dockerignore, List<String> files, boolean wildcardException) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> cases =
        List.of(
            new Case(
                "node_modules/ ignores only the top-level folder",
                "node_modules/\n",
                List.of("node_modules/x/i.js", "web/node_modules/y/i.js", "web/app.js"),
                false),
            new Case(
                "/datasets/* with a leading slash keeps the folder, drops its contents",
                "/datasets/*\n",
                List.of("datasets/a.csv", "datasets/raw/b.csv", "src/datasets/c.csv"),
                false),
            new Case(
                "* then !*/*.txt with nested files",
                "*\n!*/*.txt\n",
                List.of("docs/a.txt", "docs/b.md", "docs/sub/c.txt", "top.txt"),
                true),
            new Case(
                "* then !**/*.txt with nested files",
                "*\n!**/*.txt\n",
                List.of("docs/a.txt", "docs/b.md", "docs/sub/c.txt", "top.txt"),
                true),
            new Case(
                "* then a literal !docs/*.txt",
                "*\n!docs/*.txt\n",
                List.of("docs/a.txt", "docs/b.md", "other/d.txt"),
                false));
    List<Arguments> all = new ArrayList<>();
    for (Case c : cases) {
      for (Builder b : Builder.values()) {
        all.add(Arguments.of(c, b));
      }
    }
    return all.stream();
  }

  @BeforeAll
  static void findDocker() {
    current = DockerCli.onPath();
    debian = DockerCli.debian();
    DockerCli.Result version = current.run("version", "--format", "{{.Server.Version}}");
    assumeTrue(version.exitCode() == 0, "a Docker daemon answers: " + version.stderr());
    serverVersion = version.out();
    currentClientVersion = current.ok("version", "--format", "{{.Client.Version}}");
    debianClientVersion =
        debian.exists() ? debian.ok("version", "--format", "{{.Client.Version}}") : "absent";
    System.out.printf(
        "Docker daemon %s; %s client %s; %s client %s%n",
        serverVersion,
        current.binary(),
        currentClientVersion,
        debian.binary(),
        debianClientVersion);
  }

  @AfterAll
  static void nothingLeft() {
    if (current == null || serverVersion == null) {
      return;
    }
    String images = current.ok("images", "-q", "--filter", "label=" + LABEL + "=" + RUN);
    String containers = current.ok("ps", "-aq", "--filter", "label=" + LABEL + "=" + RUN);
    assertThat(images).as("images left by this run").isEmpty();
    assertThat(containers).as("containers left by this run").isEmpty();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("cases")
  void whatArrives_isWhatTheWalkerPredicts(Case c, Builder builder) throws Exception {
    assumeTrue(
        builder == Builder.CLASSIC_CURRENT_CLI || debian.exists(), "/usr/bin/docker is installed");
    Path ctx = temp.resolve("ctx");
    Files.createDirectories(ctx);
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /ctx/\n");
    Files.writeString(ctx.resolve(".dockerignore"), c.dockerignore());
    for (String file : c.files()) {
      Path path = ctx.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file + " " + RUN + "\n");
    }

    Set<String> arrived = buildAndList(ctx, builder);
    IgnoreRules rules = IgnoreRules.forBuild(ctx, ctx.resolve("Dockerfile"), builder.sender);
    Set<String> predicted = predict(ctx, rules, builder.sender);

    if (builder != Builder.BUILDKIT
        || major(debianClientVersion) >= BUILDKIT_WILDCARD_EXCEPTIONS_SINCE) {
      System.out.printf("%s / %s: arrived %s%n", c, builder, arrived);
      assertThat(arrived).as("what %s sent; layerlab predicts", builder).isEqualTo(predicted);
      return;
    }
    // BuildKit before 23.0 walks like the classic client; layerlab follows current Docker.
    Set<String> oldBuildkit = predict(ctx, rules, ContextSender.CLASSIC);
    System.out.printf(
        "%s / %s (client %s): arrived %s; current BuildKit would send %s%n",
        c, builder, debianClientVersion, arrived, predicted);
    assertThat(arrived)
        .as(
            "BuildKit %s enters excluded directories only for literal exceptions",
            debianClientVersion)
        .isEqualTo(oldBuildkit);
    if (c.wildcardException()) {
      assertThat(predicted)
          .as("layerlab's prediction for current BuildKit differs here, as documented")
          .isNotEqualTo(arrived);
    } else {
      assertThat(predicted).as("no wildcard exception: every version agrees").isEqualTo(arrived);
    }
  }

  /** The paths the walker says a build sends, with the parents a COPY creates for them. */
  private static Set<String> predict(Path ctx, IgnoreRules rules, ContextSender sender)
      throws IOException {
    ContextSnapshot snapshot = new ContextWalker(rules, SnapshotCache.none(), sender).snapshot(ctx);
    Set<String> paths = new TreeSet<>();
    for (ContextEntry e : snapshot.entries()) {
      addWithParents(paths, e.type() == EntryType.DIRECTORY ? e.path() + "/" : e.path());
    }
    return paths;
  }

  private static void addWithParents(Set<String> paths, String path) {
    paths.add(path);
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (int slash = trimmed.lastIndexOf('/');
        slash > 0;
        slash = trimmed.lastIndexOf('/', slash - 1)) {
      paths.add(trimmed.substring(0, slash + 1));
    }
  }

  /** Builds, copies {@code /ctx} out of a container of the image, and removes both. */
  private static Set<String> buildAndList(Path ctx, Builder builder) throws IOException {
    String tag = "layerlab-it-ignore:" + RUN + "-" + builder.name().toLowerCase();
    DockerCli cli = builder == Builder.CLASSIC_CURRENT_CLI ? current : debian;
    Map<String, String> env = Map.of("DOCKER_BUILDKIT", builder == Builder.BUILDKIT ? "1" : "0");
    List<String> args =
        new ArrayList<>(List.of("build", "-q", "--label", LABEL + "=" + RUN, "-t", tag));
    if (builder == Builder.BUILDKIT) {
      args.addAll(List.of("--network", "none"));
    }
    args.add(ctx.toString());
    cli.ok(env, args.toArray(String[]::new));
    String container = null;
    try {
      container = current.ok("create", "--label", LABEL + "=" + RUN, tag, "/no-command");
      DockerCli.Result copy = current.run("cp", container + ":/ctx", "-");
      assertThat(copy.exitCode()).as("docker cp: %s", copy.stderr()).isZero();
      return listTar(copy.stdout());
    } finally {
      if (container != null) {
        current.ok("rm", "-f", container);
      }
      current.ok("rmi", tag);
    }
  }

  private static Set<String> listTar(byte[] tar) throws IOException {
    Set<String> paths = new TreeSet<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String name = e.getName();
        if (!name.startsWith("ctx/") || name.equals("ctx/")) {
          continue;
        }
        String rel = name.substring("ctx/".length());
        addWithParents(paths, e.isDirectory() && !rel.endsWith("/") ? rel + "/" : rel);
      }
    }
    return paths;
  }

  private static int major(String version) {
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
