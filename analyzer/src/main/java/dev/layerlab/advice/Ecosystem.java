package dev.layerlab.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package managers whose dependency steps layerlab recognises, and the manifest files those steps
 * read. Copying only those files before the dependency step lets its layer stay cached while the
 * rest of the project changes.
 *
 * <p>Each has an {@code install} command that reads the manifests alone (it can move above the copy
 * of the source) and may have a {@code build} command that fetches dependencies while it compiles
 * the source (it cannot move; a dependency-only step has to be added before it).
 */
enum Ecosystem {
  PIP(
      "pip",
      "\\bpip3?(?:\\.\\d+)?\\s+install\\b(?=.*(?:\\s-r|--requirement))",
      "\\bpip3?(?:\\.\\d+)?\\s+install\\b.*(?:\\s|^)(?:-e\\s+|--editable[=\\s]+)?\\.(?:/|\\[\\S*\\])?(?=\\s|$)",
      List.of("requirements.txt"),
      List.of(),
      "install the dependencies from requirements.txt (or a lock file) before copying the source,"
          + " then install the project itself with --no-deps") {
    @Override
    List<String> manifests(String command) {
      Matcher m = REQUIREMENT.matcher(command);
      List<String> files = new ArrayList<>();
      while (m.find()) {
        files.add(m.group(1));
      }
      return files.isEmpty() ? defaultManifests() : List.copyOf(files);
    }
  },
  PIPENV(
      "Pipenv",
      "\\bpipenv\\s+(?:install|sync)\\b",
      null,
      List.of("Pipfile", "Pipfile.lock"),
      List.of(),
      ""),
  POETRY(
      "Poetry",
      "\\bpoetry\\s+install\\b(?=.*--no-root)",
      "\\bpoetry\\s+install\\b(?!.*--no-root)",
      List.of("pyproject.toml", "poetry.lock"),
      List.of(),
      "copy pyproject.toml and poetry.lock first and run `poetry install --no-root`, then copy the"
          + " source and install the project"),
  UV(
      "uv",
      "\\buv\\s+sync\\b(?=.*--no-install-project)",
      "\\buv\\s+sync\\b(?!.*--no-install-project)",
      List.of("pyproject.toml", "uv.lock"),
      List.of(),
      "copy pyproject.toml and uv.lock first and run `uv sync --no-install-project`, then copy"
          + " the source and run `uv sync`"),
  PDM(
      "PDM",
      "\\bpdm\\s+(?:install|sync)\\b(?=.*--no-self)",
      "\\bpdm\\s+(?:install|sync)\\b(?!.*--no-self)",
      List.of("pyproject.toml", "pdm.lock"),
      List.of(),
      "copy pyproject.toml and pdm.lock first and run `pdm install --no-self`, then copy the"
          + " source and install the project"),
  NPM(
      "npm",
      "\\bnpm\\s+(?:ci|install|i)(?=\\s*(?:$|--|-\\w))",
      null,
      List.of("package.json", "package-lock.json"),
      List.of(),
      ""),
  YARN(
      "yarn",
      "\\byarn(?:\\s+install)?(?=\\s*(?:$|--))",
      null,
      List.of("package.json", "yarn.lock"),
      List.of(),
      ""),
  PNPM(
      "pnpm",
      "\\bpnpm\\s+(?:install|i)(?=\\s*(?:$|--))",
      null,
      List.of("package.json", "pnpm-lock.yaml"),
      List.of(),
      ""),
  MAVEN(
      "Maven",
      "(?:^|\\s|/)(?:mvn|mvnw)\\b.*\\bdependency:(?:go-offline|resolve)\\b",
      "(?:^|\\s|/)(?:mvn|mvnw)\\b.*(?:^|\\s)(?:package|install|verify|compile|test|deploy)(?=\\s|$)",
      List.of("pom.xml"),
      List.of("src"),
      "copy pom.xml first and run `mvn dependency:go-offline`, then copy src and package"),
  GRADLE(
      "Gradle",
      "(?:^|\\s|/)(?:gradle|gradlew)\\b.*(?:^|\\s)dependencies(?=\\s|$)",
      "(?:^|\\s|/)(?:gradle|gradlew)\\b.*(?:^|\\s)(?:build|assemble|bootJar|jar|shadowJar|installDist|test)(?=\\s|$)",
      List.of(
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "gradle",
          "gradlew"),
      List.of("src"),
      "copy the build scripts (build.gradle*, settings.gradle*, gradle/) first and run `gradle"
          + " dependencies --no-daemon`, then copy src and build"),
  GO(
      "Go modules",
      "\\bgo\\s+mod\\s+download\\b",
      "\\bgo\\s+(?:build|test|install(?!\\s+\\S+@))\\b",
      List.of("go.mod", "go.sum"),
      List.of(),
      "copy go.mod and go.sum first and run `go mod download`, then copy the source and build"),
  CARGO(
      "Cargo",
      "\\bcargo\\s+fetch\\b",
      "\\bcargo\\s+(?:build|install|test)\\b",
      List.of("Cargo.toml", "Cargo.lock"),
      List.of("src"),
      "copy Cargo.toml and Cargo.lock first and run `cargo fetch` (with a stub src/main.rs), then"
          + " copy the source and build"),
  BUNDLER(
      "Bundler",
      "\\bbundle\\s+install\\b",
      null,
      List.of("Gemfile", "Gemfile.lock"),
      List.of(),
      ""),
  COMPOSER(
      "Composer",
      "\\bcomposer\\s+install\\b",
      null,
      List.of("composer.json", "composer.lock"),
      List.of(),
      ""),
  DOTNET(
      ".NET",
      "\\bdotnet\\s+restore\\b",
      "\\bdotnet\\s+(?:publish|build|test)\\b(?!.*--no-restore)",
      List.of("*.csproj"),
      List.of(),
      "copy the project files (*.csproj, *.sln) first and run `dotnet restore`, then copy the"
          + " source and publish with --no-restore");

  private static final Pattern REQUIREMENT =
      Pattern.compile("(?:^|\\s)(?:-r\\s*|--requirement[=\\s]+)([^\\s;&|]+)");

  /** Commands that can run before the source is copied without changing what they do. */
  private static final Pattern HARMLESS =
      Pattern.compile(
          "^(?:\\w+=\\S*\\s+)*(?:apt-get|apt|apk|yum|dnf|rm|mkdir|echo|true|set|export|chown|chmod"
              + "|ln|corepack|(?:npm|yarn|pnpm|pip3?|poetry|bundle|composer)\\s+config"
              + "|pip3?\\s+install\\s+(?:-U\\s+|--upgrade\\s+)?(?:pip|setuptools|wheel|poetry|uv)"
              + "(?:\\s|$))\\b");

  private final String displayName;
  private final Pattern install;
  private final Pattern build;
  private final List<String> defaultManifests;
  private final List<String> sourceDirs;
  private final String prepareHint;

  Ecosystem(
      String displayName,
      String install,
      String build,
      List<String> defaultManifests,
      List<String> sourceDirs,
      String prepareHint) {
    this.displayName = displayName;
    this.install = Pattern.compile(install);
    this.build = build == null ? null : Pattern.compile(build);
    this.defaultManifests = defaultManifests;
    this.sourceDirs = sourceDirs;
    this.prepareHint = prepareHint;
  }

  String displayName() {
    return displayName;
  }

  List<String> defaultManifests() {
    return defaultManifests;
  }

  /** Directories that hold the source tree by convention (copying one busts a build). */
  List<String> sourceDirs() {
    return sourceDirs;
  }

  /** How to split a build into a dependency step and a compile step. */
  String prepareHint() {
    return prepareHint;
  }

  /** The manifests an install command reads. */
  List<String> manifests(String command) {
    return defaultManifests;
  }

  /** What a RUN does with dependencies, if anything layerlab knows. */
  enum Kind {
    /** Reads the manifests only: the step can run before the source is copied. */
    INSTALL,
    /** Fetches dependencies while compiling the source: it needs the source. */
    BUILD
  }

  /**
   * A dependency step in a RUN.
   *
   * @param ecosystem the package manager
   * @param kind install from manifests, or a build that fetches as it compiles
   * @param manifests the files the step reads
   * @param command the simple command that was recognised
   * @param blocker for an install, the first other command of the RUN that may need the source
   */
  record Recognised(
      Ecosystem ecosystem,
      Kind kind,
      List<String> manifests,
      String command,
      Optional<String> blocker) {}

  /** The dependency step a RUN script runs: a build if it has one, else the first install. */
  static Optional<Recognised> recognise(RunScript script) {
    Recognised firstInstall = null;
    for (String command : script.commands()) {
      for (Ecosystem e : values()) {
        if (e.build != null && e.build.matcher(command).find()) {
          return Optional.of(
              new Recognised(e, Kind.BUILD, e.defaultManifests, command, Optional.empty()));
        }
      }
      if (firstInstall == null) {
        for (Ecosystem e : values()) {
          if (e.install.matcher(command).find()) {
            firstInstall =
                new Recognised(e, Kind.INSTALL, e.manifests(command), command, Optional.empty());
            break;
          }
        }
      }
    }
    if (firstInstall == null) {
      return Optional.empty();
    }
    Optional<String> blocker =
        script.commands().stream().filter(c -> !isInstall(c) && !isHarmless(c)).findFirst();
    return Optional.of(
        new Recognised(
            firstInstall.ecosystem(),
            Kind.INSTALL,
            firstInstall.manifests(),
            firstInstall.command(),
            blocker));
  }

  private static boolean isInstall(String command) {
    for (Ecosystem e : values()) {
      if (e.install.matcher(command).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHarmless(String command) {
    return HARMLESS.matcher(command).find();
  }
}
