package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * LL001: a dependency install runs after a COPY of the whole context (or of the source tree), so an
 * edit to any file re-runs the install. The fix copies the manifests first, installs, then copies
 * the rest.
 */
final class DependencyOrderRule implements Rule {

  static final String ID = "LL001";

  private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "/");
  private static final Set<String> MOVABLE = Set.of("ARG", "ENV", "LABEL", "EXPOSE");

  /**
   * A finding and, when the Dockerfile can be fixed, the edit that fixes it: moved lines, or an
   * added dependency-only step.
   *
   * @param step the added step, when the edit adds one
   * @param edit the sentence describing an added step; moves are described by the advisor
   */
  record Result(
      Finding finding,
      Optional<TextRewriter.Move> move,
      Optional<Analysis.AddedStep> step,
      Optional<String> edit) {

    Result(Finding finding, Optional<TextRewriter.Move> move) {
      this(finding, move, Optional.empty(), Optional.empty());
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String title() {
    return "dependency install after the whole context or the source tree is copied";
  }

  @Override
  public String explanation() {
    return "A COPY's cache key is the content of everything it copies, and once a step misses the"
        + " cache every later step of the stage runs again. When `COPY . .` (or `COPY src`) comes"
        + " before `pip install`, `npm ci`, `mvn package`, `go build` and the like, an edit to any"
        + " source file re-runs the whole dependency download and install, which is usually the"
        + " slowest step of the build.";
  }

  @Override
  public String fix() {
    return "Copy only the dependency manifests (requirements.txt, package.json and its lock,"
        + " pom.xml, go.mod and go.sum, ...), run the install, then copy the rest. Where the"
        + " install is a build that needs the source (mvn package, go build, cargo build), add a"
        + " dependency-only step before the copy (mvn dependency:go-offline, go mod download).";
  }

  @Override
  public String example() {
    return "COPY . .\nRUN pip install -r requirements.txt";
  }

  @Override
  public List<Finding> check(RuleInput input) {
    return results(input).stream().map(Result::finding).toList();
  }

  List<Result> results(RuleInput input) {
    List<Result> results = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      checkStage(input.dockerfile(), stage, input.contextDir()).ifPresent(results::add);
    }
    return results;
  }

  private Optional<Result> checkStage(
      Dockerfile dockerfile, Stage stage, Optional<Path> contextDir) {
    List<Instruction> body = stage.body();
    int wholeIndex = -1;
    int sourceIndex = -1;
    String workdir = null;
    String workdirAtCopy = null;
    Set<Ecosystem> prepared = EnumSet.noneOf(Ecosystem.class);
    for (int i = 0; i < body.size(); i++) {
      Instruction ins = body.get(i);
      if (ins.keyword().equals("WORKDIR") && !ins.args().isEmpty()) {
        workdir = ins.args().get(0);
      }
      if (wholeIndex < 0 && copiesWholeContext(ins)) {
        wholeIndex = i;
        workdirAtCopy = workdir;
        continue;
      }
      if (sourceIndex < 0 && copiesSourceDir(ins)) {
        sourceIndex = i;
      }
      if (!ins.keyword().equals("RUN")) {
        continue;
      }
      RunScript script = RunScript.of(ins);
      Optional<Ecosystem.Recognised> step = Ecosystem.recognise(script);
      if (step.isEmpty()) {
        continue;
      }
      Ecosystem.Recognised r = step.get();
      if (r.kind() == Ecosystem.Kind.INSTALL) {
        if (wholeIndex < 0) {
          prepared.add(r.ecosystem());
          continue;
        }
        return Optional.of(
            install(dockerfile, body, wholeIndex, i, r, contextDir, workdir, workdirAtCopy));
      }
      if (prepared.contains(r.ecosystem()) || !script.cacheMountTargets().isEmpty()) {
        continue;
      }
      int copyIndex =
          wholeIndex >= 0
              ? wholeIndex
              : (sourceIndex >= 0 && !r.ecosystem().sourceDirs().isEmpty() ? sourceIndex : -1);
      if (copyIndex < 0
          || !(manifestsPresent(r.ecosystem(), contextDir)
              || DependencyStep.namedManifest(r)
                  .filter(m -> contextDir.isPresent() && present(contextDir.get(), m))
                  .isPresent())) {
        continue;
      }
      return Optional.of(
          build(dockerfile, body, copyIndex, i, r, copyIndex == wholeIndex, contextDir));
    }
    return Optional.empty();
  }

  private Result install(
      Dockerfile dockerfile,
      List<Instruction> body,
      int copyIndex,
      int installIndex,
      Ecosystem.Recognised r,
      Optional<Path> contextDir,
      String workdir,
      String workdirAtCopy) {
    Instruction ins = body.get(installIndex);
    Instruction copy = body.get(copyIndex);
    List<String> manifests = existing(r.manifests(), contextDir);
    String message =
        firstWords(ins)
            + " (line "
            + ins.startLine()
            + ") installs "
            + r.ecosystem().displayName()
            + " dependencies after "
            + firstWords(copy)
            + " (line "
            + copy.startLine()
            + ") copies the whole context, so an edit to any file re-runs the install";
    String files = String.join(" and ", manifests.isEmpty() ? r.manifests() : manifests);
    String fix = "copy " + files + " first, run the install, then copy the rest";
    if (r.blocker().isPresent()) {
      message +=
          "; no rewrite: the same RUN also runs `"
              + shorten(r.blocker().get())
              + "`, which may need the source";
      fix =
          "copy "
              + files
              + " first and run the install in a RUN of its own, then copy the rest and run `"
              + shorten(r.blocker().get())
              + "`";
    }
    Finding finding =
        new Finding(
            ID, severity(), dockerfile.sourceName(), ins.startLine(), ins.endLine(), message, fix);
    Optional<TextRewriter.Move> move = Optional.empty();
    if (r.blocker().isEmpty() && !manifests.isEmpty() && rewritable(r.ecosystem(), contextDir)) {
      move = move(body, copyIndex, installIndex, manifests, contextDir, workdir, workdirAtCopy);
    }
    return new Result(finding, move);
  }

  private Result build(
      Dockerfile dockerfile,
      List<Instruction> body,
      int copyIndex,
      int buildIndex,
      Ecosystem.Recognised r,
      boolean whole,
      Optional<Path> contextDir) {
    Instruction copy = body.get(copyIndex);
    Instruction ins = body.get(buildIndex);
    DependencyStep.Plan plan =
        DependencyStep.plan(body, copyIndex, buildIndex, whole, r, contextDir);
    String message =
        firstWords(ins)
            + " (line "
            + ins.startLine()
            + ") fetches "
            + r.ecosystem().displayName()
            + " dependencies while it builds, after "
            + firstWords(copy)
            + " (line "
            + copy.startLine()
            + ") copies "
            + (whole ? "the whole context" : "the source tree")
            + ", so an edit to any source file downloads them all again"
            + plan.reason().map(why -> "; no rewrite: " + why).orElse("");
    return new Result(
        new Finding(
            ID,
            severity(),
            dockerfile.sourceName(),
            ins.startLine(),
            ins.endLine(),
            message,
            r.ecosystem().prepareHint()),
        plan.move(),
        plan.step(),
        plan.edit());
  }

  /**
   * The move that fixes it: a new COPY of the manifests and the install (with the ARG/ENV lines
   * between, which it may read) placed before the whole-context COPY. Not offered when something
   * else runs between the two, since moving the install past it could change the image.
   */
  private static Optional<TextRewriter.Move> move(
      List<Instruction> body,
      int copyIndex,
      int installIndex,
      List<String> manifests,
      Optional<Path> contextDir,
      String workdir,
      String workdirAtCopy) {
    Instruction copy = body.get(copyIndex);
    String dest = copy.args().get(copy.args().size() - 1);
    boolean sameDir =
        dest.equals(".")
            || dest.equals("./")
            || (workdirAtCopy != null && stripSlash(dest).equals(stripSlash(workdirAtCopy)));
    if (!sameDir
        || copy.jsonForm()
        || copy.hasHeredocs()
        || copy.flag("from").isPresent()
        || !Objects.equals(workdir, workdirAtCopy)) {
      return Optional.empty();
    }
    List<Instruction> moved = new ArrayList<>();
    for (int j = copyIndex + 1; j < installIndex; j++) {
      Instruction between = body.get(j);
      if (!MOVABLE.contains(between.keyword())) {
        return Optional.empty();
      }
      moved.add(between);
    }
    moved.add(body.get(installIndex));
    String parent = null;
    for (String manifest : manifests) {
      if (manifest.startsWith("/") || manifest.contains("$") || manifest.contains("..")) {
        return Optional.empty();
      }
      if (contextDir.isPresent() && Files.isDirectory(contextDir.get().resolve(manifest))) {
        return Optional.empty();
      }
      int slash = manifest.lastIndexOf('/');
      String dir = slash < 0 ? "" : manifest.substring(0, slash + 1);
      if (parent != null && !parent.equals(dir)) {
        return Optional.empty();
      }
      parent = dir;
    }
    StringBuilder line = new StringBuilder("COPY");
    for (String flag : copy.flags()) {
      if (flag.startsWith("--chown") || flag.startsWith("--chmod")) {
        line.append(' ').append(flag);
      }
    }
    String target =
        manifests.size() == 1 && parent.isEmpty() ? dest : (parent.isEmpty() ? "./" : parent);
    manifests.forEach(m -> line.append(' ').append(m));
    line.append(' ').append(target);
    return Optional.of(new TextRewriter.Move(copy, moved, line.toString()));
  }

  /** Ecosystems whose manifest names vary need the context to know which exist. */
  private static boolean rewritable(Ecosystem e, Optional<Path> contextDir) {
    return contextDir.isPresent() || (e != Ecosystem.GRADLE && e != Ecosystem.DOTNET);
  }

  static boolean copiesWholeContext(Instruction ins) {
    if (!(ins.keyword().equals("COPY") || ins.keyword().equals("ADD"))
        || ins.flag("from").isPresent()
        || ins.args().size() < 2) {
      return false;
    }
    List<String> sources = ins.args().subList(0, ins.args().size() - 1);
    return sources.stream().anyMatch(WHOLE_CONTEXT::contains);
  }

  private static boolean copiesSourceDir(Instruction ins) {
    if (!(ins.keyword().equals("COPY") || ins.keyword().equals("ADD"))
        || ins.flag("from").isPresent()
        || ins.args().size() < 2) {
      return false;
    }
    return ins.args().subList(0, ins.args().size() - 1).stream()
        .map(s -> stripSlash(s.startsWith("./") ? s.substring(2) : s))
        .anyMatch(s -> s.equals("src"));
  }

  /** The manifests that exist in a known context; all of them when the context is unknown. */
  private static List<String> existing(List<String> manifests, Optional<Path> contextDir) {
    if (contextDir.isEmpty()) {
      return manifests;
    }
    return manifests.stream().filter(m -> present(contextDir.get(), m)).toList();
  }

  private static boolean manifestsPresent(Ecosystem e, Optional<Path> contextDir) {
    return contextDir.isEmpty() || !existing(e.defaultManifests(), contextDir).isEmpty();
  }

  private static boolean present(Path dir, String manifest) {
    if (!manifest.contains("*")) {
      return Files.exists(dir.resolve(manifest));
    }
    var matcher = dir.getFileSystem().getPathMatcher("glob:" + manifest);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (matcher.matches(f.getFileName())) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  static String firstWords(Instruction ins) {
    String text = ins.keyword() + " " + String.join(" ", ins.args());
    return shorten(text);
  }

  static String shorten(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
