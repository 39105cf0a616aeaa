package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LL010: a single-stage image keeps the compilers, SDKs or development dependencies it used to
 * build the application, where a multi-stage build would leave them behind.
 */
final class BuildToolsRule extends CatalogRule {

  private static final Set<String> TOOL_PACKAGES =
      Set.of(
          "build-essential",
          "build-base",
          "gcc",
          "g++",
          "gcc-c++",
          "make",
          "cmake",
          "clang",
          "autoconf",
          "automake",
          "libtool",
          "musl-dev",
          "libc-dev",
          "libc6-dev",
          "python3-dev",
          "python-dev",
          "maven",
          "gradle",
          "golang",
          "default-jdk",
          "openjdk-17-jdk",
          "openjdk-21-jdk");

  private static final Pattern PACKAGE_INSTALL =
      Pattern.compile(
          "^(?:\\w+=\\S*\\s+)*(?:apt(?:-get)?\\s+(?:.*\\s)?install|apk\\s+(?:.*\\s)?add"
              + "|(?:yum|dnf|microdnf)\\s+(?:.*\\s)?install)\\b");
  private static final Pattern REMOVE =
      Pattern.compile("\\b(?:apt(?:-get)?\\s+(?:.*\\s)?(?:purge|remove)|apk\\s+del)\\b");

  /** Base images that are toolchains, and the build commands that use them. */
  private static final Pattern TOOLCHAIN_IMAGE =
      Pattern.compile(
          "^(?:docker\\.io/)?(?:library/)?(?:maven|gradle|golang|rust|mcr\\.microsoft\\.com/dotnet/sdk)"
              + "(?::|@|$)|jdk(?!.*jre)");

  private static final Pattern COMPILE =
      Pattern.compile(
          "(?:^|/)(?:mvnw?|gradlew?)\\s.*\\b(?:package|install|build|assemble|bootJar|jar)\\b"
              + "|^go\\s+build\\b|^cargo\\s+build\\b|^dotnet\\s+publish\\b");

  private static final Pattern NPM_FULL_INSTALL =
      Pattern.compile(
          "^npm\\s+(?:ci|install|i)(?=\\s|$)(?!.*(?:--omit=dev|--production|--only=prod))");
  private static final Pattern NPM_BUILD = Pattern.compile("^npm\\s+run\\s+build\\b");

  BuildToolsRule() {
    super(
        "LL010",
        Severity.INFO,
        "build tools shipped in a single-stage image",
        "Compilers, SDKs and development dependencies are needed to build the application, not"
            + " to run it. In a single-stage image they stay in the final image: hundreds of"
            + " megabytes more to push, pull and scan on every release, and a larger image to"
            + " start. A multi-stage build compiles in one stage and copies only the result into"
            + " a small runtime stage, whose layers also change less often.",
        "Build in a first stage (`FROM <sdk image> AS build`) and start the final stage from a"
            + " runtime image, copying only what runs (`COPY --from=build /app/target/app.jar .`).",
        "FROM maven:3.9-eclipse-temurin-17\nCOPY . .\nRUN mvn package\n"
            + "CMD [\"java\", \"-jar\", \"target/app.jar\"]");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    if (input.dockerfile().stages().size() != 1) {
      return List.of();
    }
    Stage stage = input.dockerfile().stages().get(0);
    Set<String> tools = new LinkedHashSet<>();
    Instruction at = null;
    boolean npmFull = false;
    boolean npmBuild = false;
    boolean productionEnv = false;
    Instruction npmAt = null;
    String base = stage.baseImage().toLowerCase(Locale.ROOT);
    boolean toolchain = TOOLCHAIN_IMAGE.matcher(base).find();
    Instruction compileAt = null;
    for (Instruction ins : stage.body()) {
      if (ins.keyword().equals("ENV")
          && ins.original().matches("(?s).*NODE_ENV[= ]+\"?production.*")) {
        productionEnv = true;
      }
      if (!ins.keyword().equals("RUN")) {
        continue;
      }
      RunScript script = RunScript.of(ins);
      boolean removed = script.anyCommandMatches(REMOVE);
      for (String command : script.commands()) {
        if (PACKAGE_INSTALL.matcher(command).find() && !removed) {
          for (String w : RunScript.words(command)) {
            String name = w.replaceAll("[=:].*$", "");
            if (TOOL_PACKAGES.contains(name)) {
              tools.add(name);
              at = at == null ? ins : at;
            }
          }
        }
        if (COMPILE.matcher(command).find() && compileAt == null) {
          compileAt = ins;
        }
        if (NPM_FULL_INSTALL.matcher(command).find()) {
          npmFull = true;
          npmAt = npmAt == null ? ins : npmAt;
        }
        if (NPM_BUILD.matcher(command).find()) {
          npmBuild = true;
        }
        if (command.matches("^npm\\s+prune\\b.*(?:--omit=dev|--production).*")) {
          npmFull = false;
        }
      }
    }
    List<String> reasons = new ArrayList<>();
    Instruction first = null;
    if (!tools.isEmpty()) {
      reasons.add(
          "the build tools installed at line "
              + at.startLine()
              + " ("
              + String.join(", ", tools)
              + ")");
      first = at;
    }
    if (toolchain && compileAt != null) {
      reasons.add("the whole SDK of its base image " + stage.baseImage());
      first = first == null ? compileAt : first;
    }
    if (npmFull && npmBuild && !productionEnv) {
      reasons.add("the npm development dependencies installed at line " + npmAt.startLine());
      first = first == null ? npmAt : first;
    }
    if (reasons.isEmpty()) {
      return List.of();
    }
    String message =
        "this single-stage image ships "
            + String.join(", and ", reasons)
            + ", which only the build needs";
    return Optional.ofNullable(first)
        .map(
            f ->
                List.of(
                    finding(
                        input.dockerfile(),
                        f,
                        message,
                        "build in a first stage and copy only the result into a runtime stage"
                            + " (FROM <runtime image>, COPY --from=build ...)")))
        .orElse(List.of());
  }
}
