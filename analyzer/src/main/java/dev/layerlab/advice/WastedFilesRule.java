package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LL006: a RUN removes files that an earlier step of the stage wrote. Each step is a layer of its
 * own, so the removal only hides the files: their bytes stay in the earlier layer and in the image.
 * Only what the Dockerfile shows is tracked: COPY and ADD destinations, downloads with an explicit
 * output file, git clones, apt's lists and pip's and npm's caches.
 */
final class WastedFilesRule extends CatalogRule {

  /**
   * A path an earlier step wrote.
   *
   * @param path absolute, normalised
   * @param tree whether everything below the path was written too
   * @param by the instruction that wrote it
   * @param wholeContext whether it is the destination of a copy of the whole context, whose content
   *     layerlab knows only from the context directory
   */
  private record Written(String path, boolean tree, Instruction by, boolean wholeContext) {
    Written(String path, boolean tree, Instruction by) {
      this(path, tree, by, false);
    }
  }

  private static final Pattern URL = Pattern.compile("^(?:https?|ftp)://");

  WastedFilesRule() {
    super(
        "LL006",
        Severity.WARNING,
        "files written in one step and removed in a later one",
        "Every RUN, COPY and ADD commits a layer, and a layer only adds to the ones below it."
            + " Removing a file in a later RUN hides it but does not take its bytes out of the"
            + " layer that wrote it: the image is as large as if it were still there, and every"
            + " pull downloads it.",
        "Create, use and remove the file in the same RUN (download, unpack and delete in one"
            + " step), mount it instead of copying it (`RUN --mount=type=bind` on BuildKit), or"
            + " build in an earlier stage and copy only the result.",
        "COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN rm /tmp/app.tar.gz");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      List<Written> written = new ArrayList<>();
      String workdir = "/";
      for (Instruction ins : stage.body()) {
        switch (ins.keyword()) {
          case "WORKDIR" -> {
            if (!ins.args().isEmpty()) {
              workdir = resolve(workdir, ins.args().get(0)).orElse(workdir);
            }
          }
          case "COPY", "ADD" -> written.addAll(copied(ins, workdir));
          case "RUN" -> {
            RunScript script = RunScript.of(ins);
            removal(script, workdir, written, input)
                .ifPresent(
                    hit ->
                        findings.add(
                            finding(
                                input.dockerfile(),
                                ins,
                                words(ins)
                                    + " (line "
                                    + ins.startLine()
                                    + ") removes "
                                    + hit.path()
                                    + ", which "
                                    + words(hit.by())
                                    + " (line "
                                    + hit.by().startLine()
                                    + ") wrote into an earlier layer: the bytes stay in the"
                                    + " image, only hidden",
                                "remove it in the same step that writes it ("
                                    + hit.by().keyword()
                                    + " line "
                                    + hit.by().startLine()
                                    + "), or mount or build it in another stage instead")));
            written.addAll(writtenBy(script, workdir));
          }
          default -> {}
        }
      }
    }
    return findings;
  }

  private static List<Written> copied(Instruction ins, String workdir) {
    List<Written> out = new ArrayList<>();
    if (ins.args().size() < 2 || ins.jsonForm() || ins.hasHeredocs()) {
      return out;
    }
    List<String> sources = ins.args().subList(0, ins.args().size() - 1);
    String destText = ins.args().get(ins.args().size() - 1);
    Optional<String> dest = resolve(workdir, destText);
    if (dest.isEmpty()) {
      return out;
    }
    boolean intoDir = destText.endsWith("/") || sources.size() > 1;
    for (String src : sources) {
      boolean archive =
          ins.keyword().equals("ADD")
              && src.matches(".*\\.(?:tar|tgz|tar\\.\\w+)$")
              && !URL.matcher(src).find();
      if (src.equals(".") || src.equals("./")) {
        out.add(new Written(dest.get(), true, ins, true));
      } else if (src.contains("*") || archive) {
        out.add(new Written(dest.get(), true, ins));
      } else if (intoDir) {
        String base = RunScript.trimSlash(src);
        base = base.substring(base.lastIndexOf('/') + 1);
        out.add(new Written(join(dest.get(), base), true, ins));
      } else {
        out.add(new Written(dest.get(), true, ins));
      }
    }
    return out;
  }

  private static List<Written> writtenBy(RunScript script, String workdir) {
    List<Written> out = new ArrayList<>();
    Instruction ins = script.instruction();
    for (String command : script.commands()) {
      List<String> w = RunScript.words(command);
      if (w.isEmpty()) {
        continue;
      }
      if (w.get(0).equals("cd")) {
        break;
      }
      String tool = w.get(0);
      if (tool.equals("curl") || tool.equals("wget")) {
        for (int k = 1; k + 1 < w.size(); k++) {
          String flag = w.get(k);
          boolean output =
              tool.equals("curl")
                  ? flag.equals("-o") || flag.equals("--output") || flag.matches("-[a-zA-Z]*o")
                  : flag.equals("-O") || flag.equals("--output-document");
          if (output) {
            resolve(workdir, w.get(k + 1)).ifPresent(p -> out.add(new Written(p, false, ins)));
          }
        }
      } else if (tool.equals("git") && w.size() >= 3 && w.contains("clone")) {
        List<String> rest = new ArrayList<>();
        for (String x : w.subList(w.indexOf("clone") + 1, w.size())) {
          if (!x.startsWith("-")) {
            rest.add(x);
          }
        }
        if (!rest.isEmpty()) {
          String dir = rest.size() >= 2 ? rest.get(1) : repoName(rest.get(0));
          resolve(workdir, dir).ifPresent(p -> out.add(new Written(p, true, ins)));
        }
      } else if (command.matches("^(?:\\w+=\\S*\\s+)*apt(?:-get)?\\s+(?:.*\\s)?update\\b.*")) {
        out.add(new Written("/var/lib/apt/lists", true, ins));
      }
    }
    return out;
  }

  /** The first written path a RUN's {@code rm} removes, if any. */
  private static Optional<Written> removal(
      RunScript script, String workdir, List<Written> written, RuleInput input) {
    for (String command : script.commands()) {
      List<String> w = RunScript.words(command);
      if (w.isEmpty()) {
        continue;
      }
      if (w.get(0).equals("cd")) {
        return Optional.empty();
      }
      if (!w.get(0).equals("rm")) {
        continue;
      }
      for (String arg : w.subList(1, w.size())) {
        if (arg.startsWith("-") || arg.contains("$")) {
          continue;
        }
        Optional<String> target = resolve(workdir, arg);
        if (target.isEmpty() || target.get().equals("/")) {
          continue;
        }
        Pattern glob = globPattern(target.get());
        for (Written wr : written) {
          if (hits(glob, target.get(), wr) && known(wr, target.get(), input)) {
            return Optional.of(new Written(target.get(), false, wr.by()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hits(Pattern glob, String target, Written wr) {
    // The removal takes the written path, one of its parents, or (for a tree) something inside.
    Deque<String> candidates = new ArrayDeque<>();
    for (String p = wr.path(); !p.equals("/"); p = parent(p)) {
      candidates.add(p);
    }
    for (String c : candidates) {
      if (glob.matcher(c).matches()) {
        return true;
      }
    }
    String prefix = target.contains("*") ? target.substring(0, target.indexOf('*')) : target;
    return wr.tree() && (prefix.startsWith(wr.path() + "/"));
  }

  /**
   * A path inside a copy of the whole context was written by that copy only if the context holds
   * it; otherwise the same RUN may have made it (a build directory), so it counts only when the
   * context directory shows it.
   */
  private static boolean known(Written wr, String target, RuleInput input) {
    if (!wr.wholeContext() || !target.startsWith(wr.path() + "/")) {
      return true;
    }
    if (input.contextDir().isEmpty() || target.contains("*")) {
      return false;
    }
    String relative = target.substring(wr.path().length() + 1);
    if (input.snapshot().isPresent()) {
      // The snapshot honours .dockerignore: an ignored path never reached the image.
      return input.snapshot().get().entries().stream()
          .anyMatch(e -> e.path().equals(relative) || e.path().startsWith(relative + "/"));
    }
    return java.nio.file.Files.exists(input.contextDir().get().resolve(relative));
  }

  private static Pattern globPattern(String path) {
    StringBuilder re = new StringBuilder();
    for (char c : path.toCharArray()) {
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** An absolute, normalised path; empty when it holds a variable. */
  static Optional<String> resolve(String workdir, String path) {
    if (path.contains("$")) {
      return Optional.empty();
    }
    String full = path.startsWith("/") ? path : join(workdir, path);
    Deque<String> parts = new ArrayDeque<>();
    for (String seg : full.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(seg);
      }
    }
    return Optional.of("/" + String.join("/", parts));
  }

  private static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  private static String repoName(String url) {
    String u = RunScript.trimSlash(url);
    String base = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')) + 1);
    return base.endsWith(".git") ? base.substring(0, base.length() - 4) : base;
  }
}
