package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LL001: a dependency install runs after a COPY of the whole context, so an edit to any file
 * re-runs the install. The fix copies the manifests first, installs, then copies the rest.
 */
final class DependencyOrderRule {

  static final String ID = "LL001";

  private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "/");
  private static final Set<String> MOVABLE = Set.of("ARG", "ENV", "LABEL", "EXPOSE");

  private DependencyOrderRule() {}

  /** A finding and, when the lines can simply be moved, the move that fixes it. */
  record Result(Finding finding, Optional<TextRewriter.Move> move) {}

  static List<Result> check(Dockerfile dockerfile, Optional<Path> contextDir) {
    List<Result> results = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      checkStage(dockerfile, stage, contextDir).ifPresent(results::add);
    }
    return results;
  }

  private static Optional<Result> checkStage(
      Dockerfile dockerfile, Stage stage, Optional<Path> contextDir) {
    List<Instruction> body = stage.body();
    int copyIndex = -1;
    String workdir = null;
    String workdirAtCopy = null;
    for (int i = 0; i < body.size(); i++) {
      Instruction ins = body.get(i);
      if (ins.keyword().equals("WORKDIR") && !ins.args().isEmpty()) {
        workdir = ins.args().get(0);
      }
      if (copyIndex < 0 && copiesWholeContext(ins)) {
        copyIndex = i;
        workdirAtCopy = workdir;
        continue;
      }
      if (copyIndex < 0 || !ins.keyword().equals("RUN")) {
        continue;
      }
      Optional<Ecosystem.Recognised> install = Ecosystem.recognise(command(ins));
      if (install.isEmpty()) {
        continue;
      }
      Instruction copy = body.get(copyIndex);
      List<String> manifests = existing(install.get().manifests(), contextDir);
      String files = String.join(" and ", manifests);
      String message =
          firstWords(ins)
              + " (line "
              + ins.startLine()
              + ") installs "
              + install.get().ecosystem().displayName()
              + " dependencies after "
              + firstWords(copy)
              + " (line "
              + copy.startLine()
              + ") copies the whole context, so an edit to any file"
              + " re-runs the install";
      String fix = "copy " + files + " first, run the install, then copy the rest";
      Finding finding =
          new Finding(ID, Severity.WARNING, dockerfile.sourceName(), ins.startLine(), message, fix);
      return Optional.of(
          new Result(finding, move(body, copyIndex, i, manifests, workdir, workdirAtCopy)));
    }
    return Optional.empty();
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
        || !java.util.Objects.equals(workdir, workdirAtCopy)) {
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
    for (String manifest : manifests) {
      if (manifest.startsWith("/") || manifest.contains("$") || manifest.contains("..")) {
        return Optional.empty();
      }
    }
    StringBuilder line = new StringBuilder("COPY");
    for (String flag : copy.flags()) {
      if (flag.startsWith("--chown") || flag.startsWith("--chmod")) {
        line.append(' ').append(flag);
      }
    }
    String target = manifests.size() == 1 && !manifests.get(0).contains("/") ? dest : "./";
    manifests.forEach(m -> line.append(' ').append(m));
    line.append(' ').append(target);
    return Optional.of(new TextRewriter.Move(copy, moved, line.toString()));
  }

  private static boolean copiesWholeContext(Instruction ins) {
    if (!(ins.keyword().equals("COPY") || ins.keyword().equals("ADD"))
        || ins.flag("from").isPresent()
        || ins.args().size() < 2) {
      return false;
    }
    List<String> sources = ins.args().subList(0, ins.args().size() - 1);
    return sources.stream().anyMatch(WHOLE_CONTEXT::contains);
  }

  private static List<String> existing(List<String> manifests, Optional<Path> contextDir) {
    if (contextDir.isEmpty()) {
      return manifests;
    }
    List<String> present =
        manifests.stream().filter(m -> Files.isRegularFile(contextDir.get().resolve(m))).toList();
    return present.isEmpty() ? manifests : present;
  }

  static String command(Instruction run) {
    return String.join(" ", run.args());
  }

  private static String firstWords(Instruction ins) {
    String text = ins.keyword() + " " + String.join(" ", ins.args());
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
