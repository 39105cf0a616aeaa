package dev.layerlab.cache;

import static dev.layerlab.cache.Planner.cause;

import dev.layerlab.cache.KeyPart.Files;
import dev.layerlab.cache.KeyPart.StageOutput;
import dev.layerlab.cache.KeyPart.Text;
import dev.layerlab.cache.KeyPart.Vars;
import dev.layerlab.cache.MissCause.Kind;
import dev.layerlab.cache.PlannedStep.Outcome;
import dev.layerlab.cache.Planner.StageState;
import dev.layerlab.cache.Planner.Write;
import dev.layerlab.dockerfile.Heredoc;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What each instruction puts into its step's own key, per builder (CACHE-SEMANTICS.md §3 for the
 * classic builder, §4 for BuildKit), and how it changes the stage's state for later steps.
 */
final class StepKeys {

  /** Proxy arguments every builder passes to RUN but keeps out of the key (§3.4, §4.3). */
  private static final Set<String> PROXY_ARGS =
      Set.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  private static final String NEEDS_BUILDKIT =
      "the --%s option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn"
          + " how to build images with BuildKit enabled";

  private final CacheSemantics semantics;
  private final BuildInputs inputs;
  private final Planner planner;
  private final boolean classic;

  StepKeys(CacheSemantics semantics, BuildInputs inputs, Planner planner) {
    this.semantics = semantics;
    this.inputs = inputs;
    this.planner = planner;
    this.classic = semantics.isClassic();
  }

  /** Classic prints a global ARG as a step but never caches it (observed on Docker 20.10). */
  void globalArg(Instruction in) {
    MissCause note =
        cause(
            Kind.NOT_CACHEABLE,
            String.join(" ", in.args()),
            stepName(in)
                + " is never taken from the cache: the classic builder runs ARGs before the first"
                + " FROM as uncached steps (they cost nothing)");
    planner.add(
        null, in, List.of(text(in)), null, Outcome.ALWAYS_MISS, Optional.of(note), false, true);
  }

  void from(StageState st, Stage stage, String image) {
    Instruction in = stage.from();
    Optional<Integer> ref = Planner.stageRef(inputs.dockerfile(), image, stage.index());
    if (ref.isPresent()) {
      StageState source = planner.stage(ref.get());
      planner.passThrough(st, in, source.last, source.name);
      return;
    }
    if (image.equalsIgnoreCase("scratch")) {
      planner.add(
          st,
          in,
          List.of(text(in)),
          null,
          Outcome.COMPARE,
          Optional.empty(),
          false,
          st.listed && classic);
      return;
    }
    List<KeyPart> parts =
        List.of(
            new Text("text", stage.baseImage()),
            new Text("expanded", image),
            new Text("image", inputs.baseImageDigests().getOrDefault(image, "")));
    planner.add(st, in, parts, null, Outcome.COMPARE, Optional.empty(), false, st.listed);
  }

  void body(StageState st, Instruction in) {
    switch (in.keyword()) {
      case "ARG" -> in.args().forEach(st.scope::declareArg);
      case "ENV" -> {
        for (int i = 0; i + 1 < in.args().size(); i += 3) {
          st.scope.setEnv(in.args().get(i), st.scope.expand(in.args().get(i + 1)));
        }
      }
      case "USER" -> st.user = st.scope.expand(in.args().get(0));
      case "SHELL" -> st.shell = in.args();
      default -> {}
    }
    switch (in.keyword()) {
      case "RUN" -> run(st, in);
      case "COPY", "ADD" -> copy(st, in);
      case "WORKDIR" -> workdir(st, in);
      default -> {
        if (classic) {
          step(st, in, List.of(text(in), expanded(st, in)), Outcome.COMPARE, Optional.empty());
        }
      }
    }
  }

  private void run(StageState st, Instruction in) {
    List<KeyPart> parts = new ArrayList<>();
    if (classic) {
      if (!in.flags().isEmpty()) {
        String flag = flagName(in.flags().get(0));
        fail(st, in, Kind.UNSUPPORTED, "--" + flag, NEEDS_BUILDKIT.formatted(flag));
        return;
      }
      parts.add(text(in));
      parts.add(classicArgs(st));
    } else {
      parts.add(new Text("text", canonical(in, true)));
      if (!in.jsonForm()) {
        parts.add(new Text("shell", String.join(" ", st.shell)));
      }
      parts.add(buildkitEnv(st));
      parts.add(new Text("user", st.user));
      parts.add(new Text("cwd", st.cwd));
      for (String mount : in.flagValues("mount")) {
        mountInput(st, in, mountOptions(mount)).ifPresent(parts::add);
      }
    }
    PlannedStep step = step(st, in, parts, Outcome.COMPARE, Optional.empty());
    st.writes.add(new Write(step, false, null, step.chainKey()));
  }

  /** §3.4: declared ARGs with a value, not shadowed by ENV, sorted; proxies only if declared. */
  private static Vars classicArgs(StageState st) {
    Map<String, String> args = new LinkedHashMap<>(st.scope.argsWithValues());
    args.keySet().removeAll(st.scope.env().keySet());
    return new Vars("args", new TreeMap<>(args), args.keySet());
  }

  /** §4.3: every ARG with a value and every ENV is in a RUN's environment; proxies never. */
  private static Vars buildkitEnv(StageState st) {
    Map<String, String> env = new LinkedHashMap<>(st.scope.visible());
    env.keySet().removeAll(PROXY_ARGS);
    Set<String> fromArgs = new HashSet<>(env.keySet());
    fromArgs.removeAll(st.scope.env().keySet());
    return new Vars("env", new TreeMap<>(env), fromArgs);
  }

  /** A bind mount's content enters a BuildKit RUN's key; cache, secret, ssh, tmpfs do not. */
  private Optional<KeyPart> mountInput(StageState st, Instruction in, Map<String, String> opts) {
    String type = opts.getOrDefault("type", "bind");
    if (!type.equals("bind")) {
      return Optional.empty();
    }
    String source = opts.getOrDefault("source", opts.getOrDefault("src", "."));
    String target = opts.getOrDefault("target", opts.getOrDefault("dst", "?"));
    String from = opts.get("from");
    if (from != null) {
      return Optional.of(stageOutput(st, in, from, source, "mount:" + target));
    }
    return SourceSelector.select(inputs.context(), st.scope.expand(source))
        .map(files -> new Files("mount:" + target, files));
  }

  private void copy(StageState st, Instruction in) {
    boolean add = in.keyword().equals("ADD");
    if (classic && in.flag("chmod").isPresent()) {
      fail(st, in, Kind.UNSUPPORTED, "--chmod", NEEDS_BUILDKIT.formatted("chmod"));
      return;
    }
    boolean frontendDirective = inputs.dockerfile().directive("syntax").isPresent();
    if (!classic && !frontendDirective) {
      // Docker's built-in Dockerfile frontend gained these flags with the engine releases below.
      if (in.flag("link").isPresent() && semantics.knownBefore(23, 0)) {
        fail(st, in, Kind.UNSUPPORTED, "--link", unknownFlag(in, "link"));
        return;
      }
      if (in.flag("checksum").isPresent() && semantics.knownBefore(25, 0)) {
        fail(st, in, Kind.UNSUPPORTED, "--checksum", unknownFlag(in, "checksum"));
        return;
      }
    }
    List<String> words = new ArrayList<>();
    for (String a : in.args()) {
      words.add(st.scope.expand(a));
    }
    String dest = words.isEmpty() ? "." : words.get(words.size() - 1);
    List<String> sources = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
    String destAbs = absolute(st.cwd, dest);

    List<KeyPart> parts = new ArrayList<>();
    parts.add(text(in));
    parts.add(new Text("expanded", canonicalExpanded(in, words, st)));
    if (!classic) {
      parts.add(new Text("destination", destAbs + (dest.endsWith("/") ? "/" : "")));
    }
    Optional<MissCause> note = Optional.empty();
    SortedMap<String, FileFacts> files = new TreeMap<>();
    Optional<String> from = in.flag("from");
    for (String src : sources) {
      if (src.startsWith("<<")) {
        continue;
      }
      if (from.isPresent()) {
        parts.add(stageOutput(st, in, from.get(), src, "from:" + src));
        continue;
      }
      if (isUrl(src) || (!classic && isGit(src))) {
        if (!add) {
          fail(st, in, Kind.BUILD_FAILS, src, "source can't be a URL for COPY");
          return;
        }
        parts.add(new Text("remote", src));
        if (note.isEmpty()) {
          note = remoteNote(st, in, src);
        }
        continue;
      }
      Optional<SortedMap<String, FileFacts>> selected =
          SourceSelector.select(inputs.context(), src);
      if (selected.isEmpty()) {
        if (!classic && GoGlob.hasMeta(src)) {
          continue;
        }
        fail(st, in, Kind.BUILD_FAILS, src, missingSource(src));
        return;
      }
      files.putAll(selected.get());
    }
    if (from.isEmpty()) {
      parts.add(new Files("files", files));
    }
    boolean linked = !classic && in.flag("link").isPresent();
    Outcome outcome = inputs.noCache() ? Outcome.ALWAYS_MISS : Outcome.COMPARE;
    PlannedStep parent = st.last;
    PlannedStep step =
        planner.add(
            st,
            in,
            parts,
            parent,
            outcome,
            inputs.noCache() ? noCache(in) : note,
            linked,
            st.listed);
    String key = EntryHeader.sha256(destAbs + "\n" + parts.get(parts.size() - 1).value());
    st.writes.add(new Write(step, true, destAbs, key));
  }

  private KeyPart stageOutput(StageState st, Instruction in, String from, String src, String name) {
    Optional<Integer> ref = Planner.stageRef(inputs.dockerfile(), from, st.index);
    if (ref.isEmpty()) {
      return new Text("image", from + "@" + inputs.baseImageDigests().getOrDefault(from, ""));
    }
    StageState source = planner.stage(ref.get());
    String path = absolute("/", st.scope.expand(src));
    int meta = firstMeta(path);
    if (meta >= 0) {
      path = path.substring(0, Math.max(1, path.lastIndexOf('/', meta)));
    }
    return new StageOutput(name, source.name, Planner.outputOf(source, path));
  }

  /** §3.5, §4.5: what can be known about a remote source before the build. */
  private Optional<MissCause> remoteNote(StageState st, Instruction in, String src) {
    if (!classic && in.flag("checksum").isPresent()) {
      return Optional.empty();
    }
    if (!classic && isGit(src)) {
      if (src.matches(".*#[0-9a-f]{40}(:.*)?")) {
        return Optional.empty();
      }
      return Optional.of(
          cause(
              Kind.CHECKED_AT_BUILD,
              src,
              stepName(in)
                  + " hits only if the git ref still points to the same commit: BuildKit resolves"
                  + " it at build time"));
    }
    String how =
        classic
            ? "the classic builder downloads it on every build and reuses the cache only if its"
                + " content and file name are unchanged"
            : "BuildKit asks the server at build time (ETag, Last-Modified) and reuses the cache"
                + " if the file is unchanged; ADD --checksum would make this known in advance";
    return Optional.of(
        cause(Kind.CHECKED_AT_BUILD, src, stepName(in) + " is checked at build time: " + how));
  }

  private void workdir(StageState st, Instruction in) {
    String requested = st.scope.expand(in.args().get(0));
    String resolved = absolute(st.cwd, requested);
    st.cwd = resolved;
    if (classic) {
      String written = requested.startsWith("/") ? requested : resolved;
      Optional<MissCause> note = Optional.empty();
      Outcome outcome = Outcome.COMPARE;
      if (!written.equals(resolved) && semantics.knownWithin(25, 0, 26, 1)) {
        outcome = Outcome.ALWAYS_MISS;
        note =
            Optional.of(
                cause(
                    Kind.NOT_CACHEABLE,
                    written,
                    stepName(in)
                        + " misses on every build: Docker 25.0 to 26.0's classic builder never"
                        + " reuses a WORKDIR whose path is not clean (moby/moby#47627); write"
                        + " WORKDIR "
                        + resolved));
      }
      step(st, in, List.of(text(in), new Text("expanded", "WORKDIR " + written)), outcome, note);
      return;
    }
    if (resolved.equals("/")) {
      return;
    }
    step(
        st,
        in,
        List.of(text(in), new Text("expanded", resolved), new Text("user", st.user)),
        Outcome.COMPARE,
        Optional.empty());
  }

  private PlannedStep step(
      StageState st,
      Instruction in,
      List<KeyPart> parts,
      Outcome outcome,
      Optional<MissCause> note) {
    if (inputs.noCache() && outcome == Outcome.COMPARE) {
      return planner.add(
          st, in, parts, st.last, Outcome.ALWAYS_MISS, noCache(in), false, st.listed);
    }
    return planner.add(st, in, parts, st.last, outcome, note, false, st.listed);
  }

  private void fail(StageState st, Instruction in, Kind kind, String subject, String error) {
    MissCause note =
        cause(kind, subject, stepName(in) + " fails: Docker reports \"" + error + "\"");
    planner.add(
        st, in, List.of(text(in)), st.last, Outcome.FAILS, Optional.of(note), false, st.listed);
  }

  private Optional<MissCause> noCache(Instruction in) {
    return Optional.of(
        cause(
            Kind.NOT_CACHEABLE,
            "--no-cache",
            stepName(in) + " misses because --no-cache is given"));
  }

  private String missingSource(String src) {
    return classic
        ? "COPY failed: file not found in build context or excluded by .dockerignore: stat "
            + src
            + ": file does not exist"
        : "failed to compute cache key: \"/" + SourceSelector.clean(src) + "\" not found";
  }

  private static String unknownFlag(Instruction in, String flag) {
    return "dockerfile parse error on line " + in.startLine() + ": unknown flag: " + flag;
  }

  private static String stepName(Instruction in) {
    return Sentences.shorten(in.original()) + " (line " + in.startLine() + ")";
  }

  static Text text(Instruction in) {
    return new Text("text", canonical(in, false));
  }

  /** Keyword, flags and arguments without layout, so re-wrapping a line changes nothing. */
  static String canonical(Instruction in, boolean normaliseMounts) {
    StringBuilder sb = new StringBuilder(in.keyword());
    for (String f : in.flags()) {
      sb.append(' ').append(normaliseMounts ? normaliseMount(f) : f);
    }
    sb.append(in.jsonForm() ? " json" : "").append(' ').append(String.join("\u0000", in.args()));
    for (Heredoc h : in.heredocs()) {
      sb.append('\n').append(h.name()).append('\n').append(h.effectiveContent());
    }
    return sb.toString();
  }

  private static Text expanded(StageState st, Instruction in) {
    List<String> words = new ArrayList<>();
    for (String a : in.args()) {
      words.add(st.scope.expand(a));
    }
    return new Text("expanded", String.join("\u0000", words));
  }

  private static String canonicalExpanded(Instruction in, List<String> words, StageState st) {
    StringBuilder sb = new StringBuilder();
    for (String f : in.flags()) {
      sb.append(f.startsWith("--from") ? f : st.scope.expand(f)).append(' ');
    }
    return sb.append(String.join("\u0000", words)).toString();
  }

  /** §4.3: a cache mount's custom id and sharing are blanked unless id is the target. */
  private static String normaliseMount(String flag) {
    if (!flag.startsWith("--mount=")) {
      return flag;
    }
    Map<String, String> o = mountOptions(flag.substring("--mount=".length()));
    if ("cache".equals(o.get("type"))) {
      String target = o.getOrDefault("target", o.getOrDefault("dst", ""));
      String id = o.getOrDefault("id", target);
      if (!id.equals(target)) {
        o.remove("id");
        o.remove("sharing");
      }
    }
    return "--mount=" + new TreeMap<>(o);
  }

  static Map<String, String> mountOptions(String spec) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      String k = (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase();
      out.put(k.equals("destination") ? "target" : k, eq < 0 ? "" : field.substring(eq + 1));
    }
    return out;
  }

  private static String flagName(String flag) {
    String bare = flag.startsWith("--") ? flag.substring(2) : flag;
    int eq = bare.indexOf('=');
    return eq < 0 ? bare : bare.substring(0, eq);
  }

  static boolean isUrl(String src) {
    return src.startsWith("http://") || src.startsWith("https://");
  }

  /** BuildKit's git source forms (§4.5); the classic builder has no git support. */
  static boolean isGit(String src) {
    return src.startsWith("git@")
        || src.startsWith("git://")
        || src.startsWith("ssh://")
        || (isUrl(src) && src.replaceAll("#.*", "").endsWith(".git"));
  }

  static String absolute(String cwd, String path) {
    String joined = path.startsWith("/") ? path : cwd + "/" + path;
    return "/" + SourceSelector.clean(joined);
  }

  private static int firstMeta(String path) {
    for (int i = 0; i < path.length(); i++) {
      if ("*?[\\".indexOf(path.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
