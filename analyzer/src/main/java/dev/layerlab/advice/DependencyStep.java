package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dependency-only step LL001 adds where a build fetches its dependencies while it compiles: the
 * manifests are copied and the package manager's own fetch command runs above the copy of the
 * source, so that an edit to the source finds the fetched dependencies in a cached layer. The build
 * itself stays as the user wrote it. Offered for Maven ({@code mvn dependency:go-offline}) and Go
 * modules ({@code go mod download}); elsewhere, or where the Dockerfile or the context makes the
 * added step unsafe, {@link #plan} says why not.
 */
final class DependencyStep {

  /** Instructions that may sit between the copy and the build: they change nothing a fetch sees. */
  private static final Set<String> BETWEEN = Set.of("LABEL", "EXPOSE");

  /** Maven options whose value is the next word when it is not joined with {@code =}. */
  private static final Set<String> MAVEN_VALUED =
      Set.of(
          "-f",
          "--file",
          "-s",
          "--settings",
          "-gs",
          "--global-settings",
          "-t",
          "--toolchains",
          "-P",
          "--activate-profiles",
          "-pl",
          "--projects",
          "-rf",
          "--resume-from",
          "-T",
          "--threads",
          "-l",
          "--log-file",
          "-D",
          "--define",
          "-b",
          "--builder",
          "-gt",
          "--global-toolchains",
          "-em",
          "-emp",
          "--encrypt-master-password",
          "-ep",
          "--encrypt-password");

  private static final Set<String> MAVEN_OFFLINE = Set.of("-o", "--offline");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern RELATIVE_PATH =
      Pattern.compile("<parent>.*?<relativePath>\\s*([^<\\s]*)\\s*</relativePath>", Pattern.DOTALL);

  /**
   * The rewrite, or why there is none.
   *
   * @param move the lines to add above the copy, when offered
   * @param step what the added step fetches and where, when offered
   * @param edit the sentence describing the rewrite, when offered
   * @param reason why there is no rewrite, when not offered
   */
  record Plan(
      Optional<TextRewriter.Move> move,
      Optional<Analysis.AddedStep> step,
      Optional<String> edit,
      Optional<String> reason) {

    static Plan none(String reason) {
      return new Plan(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(reason));
    }
  }

  /** What a build's command allows: a fetch command, or a reason why there is none. */
  private sealed interface Outcome permits Fetch, Refusal {}

  /** The fetch command for one ecosystem, from the build's command. */
  private record Fetch(List<String> manifests, String run, String repository, String what)
      implements Outcome {}

  /** Why the build's command gets no dependency-only step. */
  private record Refusal(String reason) implements Outcome {}

  private DependencyStep() {}

  /**
   * @param body the stage's instructions
   * @param copyIndex the COPY of the whole context or of the source tree
   * @param buildIndex the RUN that builds
   * @param whole whether the copy is of the whole context (else of the source tree only)
   * @param r what the build's RUN was recognised as
   * @param contextDir the build context, when known
   */
  static Plan plan(
      List<Instruction> body,
      int copyIndex,
      int buildIndex,
      boolean whole,
      Ecosystem.Recognised r,
      Optional<Path> contextDir) {
    Instruction copy = body.get(copyIndex);
    Instruction build = body.get(buildIndex);
    if (r.ecosystem() != Ecosystem.MAVEN && r.ecosystem() != Ecosystem.GO) {
      return Plan.none(unsupported(r.ecosystem()));
    }
    if (build.jsonForm() || build.hasHeredocs()) {
      return Plan.none("the build's RUN is in a form layerlab does not rewrite (exec or heredoc)");
    }
    List<String> commands = RunScript.of(build).commands();
    if (!commands.get(0).equals(r.command())) {
      return Plan.none(
          "the RUN runs `"
              + DependencyOrderRule.shorten(commands.get(0))
              + "` before "
              + r.ecosystem().displayName()
              + ", which the added step would have to repeat");
    }
    if (copy.jsonForm() || copy.hasHeredocs()) {
      return Plan.none(DependencyOrderRule.firstWords(copy) + " is in exec or heredoc form");
    }
    String workdir = workdirBefore(body, copyIndex);
    String dest = whole ? copy.args().get(copy.args().size() - 1) : ".";
    if (!intoWorkdir(dest, workdir)) {
      return Plan.none(
          DependencyOrderRule.firstWords(copy)
              + " (line "
              + copy.startLine()
              + ") copies into "
              + dest
              + ", not the working directory, where the build runs");
    }
    for (int j = copyIndex + 1; j < buildIndex; j++) {
      Instruction between = body.get(j);
      if (!BETWEEN.contains(between.keyword())) {
        return Plan.none(
            DependencyOrderRule.firstWords(between)
                + " (line "
                + between.startLine()
                + ") sits between the copy and the build, and the added step would run without"
                + " it");
      }
    }
    Outcome outcome =
        r.ecosystem() == Ecosystem.MAVEN
            ? maven(r.command(), contextDir)
            : go(r.command(), contextDir);
    if (outcome instanceof Refusal refusal) {
      return Plan.none(refusal.reason());
    }
    Fetch f = (Fetch) outcome;

    List<String> lines = new ArrayList<>();
    if (!alreadyCopied(body, copyIndex, f.manifests())) {
      lines.add(copyLine(copy, f.manifests(), dest));
    }
    lines.add(f.run());
    String added =
        String.join(" and ", lines.stream().map(l -> "`" + l + "`").toList())
            + " above `"
            + copy.original().strip()
            + "`, so the build (line "
            + build.startLine()
            + ") finds "
            + f.what();
    return new Plan(
        Optional.of(new TextRewriter.Move(copy, List.of(), lines)),
        Optional.of(new Analysis.AddedStep(copy.startLine(), f.run(), f.repository())),
        Optional.of("line " + copy.startLine() + ": added " + added),
        Optional.empty());
  }

  private static String unsupported(Ecosystem e) {
    return switch (e) {
      case CARGO ->
          "`cargo fetch` needs the crate's targets (src/main.rs or src/lib.rs), so a"
              + " dependency-only step needs a stub source file, which layerlab does not write";
      case GRADLE ->
          "Gradle has no standard command that fetches everything a build needs"
              + " (`gradle dependencies` resolves only the configurations it lists)";
      case DOTNET ->
          "a restore reads every project file of the solution, whose names and"
              + " directories layerlab does not copy one by one";
      default -> "the build installs the project itself, so a dependency-only step has to be added";
    };
  }

  /** The manifest a build names other than the ecosystem's default ({@code mvn -f}), if any. */
  static Optional<String> namedManifest(Ecosystem.Recognised r) {
    if (r.ecosystem() != Ecosystem.MAVEN
        || !(maven(r.command(), Optional.empty()) instanceof Fetch f)) {
      return Optional.empty();
    }
    return Optional.of(f.manifests().get(0));
  }

  /** Maven: {@code mvn <the user's options> dependency:go-offline}, or why not. */
  private static Outcome maven(String command, Optional<Path> contextDir) {
    List<String> tokens = tokens(command);
    List<String> kept = new ArrayList<>();
    int i = 0;
    while (i < tokens.size() && ASSIGNMENT.matcher(tokens.get(i)).matches()) {
      kept.add(tokens.get(i++));
    }
    String exe = i < tokens.size() ? unquote(tokens.get(i)) : "";
    if (exe.endsWith("mvnw")) {
      return new Refusal(
          "the build runs the Maven wrapper, which needs mvnw and .mvn/ copied before the"
              + " added step");
    }
    if (!exe.equals("mvn") && !exe.endsWith("/mvn")) {
      return new Refusal(
          "the RUN starts Maven through `" + exe + "`, which layerlab does not rewrite");
    }
    kept.add(tokens.get(i++));
    String pom = "pom.xml";
    String repository = "*/.m2/repository";
    for (; i < tokens.size(); i++) {
      String word = unquote(tokens.get(i));
      if (!word.startsWith("-")) {
        continue; // a phase or a goal: the build's, not the fetch's
      }
      if (MAVEN_OFFLINE.contains(word)) {
        continue;
      }
      kept.add(tokens.get(i));
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      String value = word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
      if (value == null && MAVEN_VALUED.contains(word) && i + 1 < tokens.size()) {
        value = unquote(tokens.get(++i));
        kept.add(tokens.get(i));
      }
      if (value == null && word.startsWith("-D")) {
        value = word.substring(2);
        name = "-D";
      }
      if ((name.equals("-f") || name.equals("--file")) && value != null) {
        pom = value.endsWith(".xml") ? value : RunScript.trimSlash(value) + "/pom.xml";
      }
      if (name.equals("-D") && value != null && value.startsWith("maven.repo.local=")) {
        repository = value.substring("maven.repo.local=".length());
        if (!repository.startsWith("/")) {
          return new Refusal(
              "the build sets maven.repo.local to a relative path, inside the copied source");
        }
      }
    }
    if (pom.startsWith("/") || pom.contains("$") || pom.contains("..")) {
      return new Refusal("the build names its POM as " + pom + ", not a plain path in the context");
    }
    if (contextDir.isPresent()) {
      String problem = pomProblem(contextDir.get(), pom);
      if (problem != null) {
        return new Refusal(problem);
      }
    }
    kept.add("dependency:go-offline");
    return new Fetch(
        List.of(pom),
        "RUN " + String.join(" ", kept),
        repository,
        "Maven's dependencies in its local repository");
  }

  /** Why the POM cannot be fetched for on its own, or null. */
  private static String pomProblem(Path context, String pom) {
    Path file = context.resolve(pom);
    if (!Files.isRegularFile(file)) {
      return pom + " is not in the context";
    }
    if (Files.isDirectory(context.resolve(".mvn"))) {
      return "the context has .mvn/ (Maven's per-project configuration), which the added step"
          + " would need too";
    }
    String xml;
    try {
      xml = XML_COMMENT.matcher(Files.readString(file)).replaceAll("");
    } catch (IOException e) {
      return pom + " cannot be read: " + e.getMessage();
    }
    if (xml.contains("<modules>")) {
      return pom
          + " lists <modules>, whose own pom.xml files the added step would need, and"
          + " go-offline cannot resolve modules that are not built yet";
    }
    if (xml.contains("<parent>")) {
      var m = RELATIVE_PATH.matcher(xml);
      String relative = m.find() ? m.group(1) : "../pom.xml";
      Path parentDir = file.getParent();
      if (!relative.isEmpty()) {
        Path parent = parentDir.resolve(relative).normalize();
        if (Files.isDirectory(parent)) {
          parent = parent.resolve("pom.xml");
        }
        if (parent.startsWith(context.normalize()) && Files.isRegularFile(parent)) {
          return pom + "'s <parent> is in the context, and the added step would need it too";
        }
      }
    }
    return null;
  }

  /** Go modules: {@code go mod download}, or why not. */
  private static Outcome go(String command, Optional<Path> contextDir) {
    List<String> tokens = tokens(command);
    List<String> env = new ArrayList<>();
    for (String t : tokens) {
      if (!ASSIGNMENT.matcher(t).matches()) {
        break;
      }
      if (t.startsWith("GO")) {
        env.add(t); // GOFLAGS, GOPROXY, GOPRIVATE, ... change what is fetched and from where
      }
    }
    if (command.contains("-mod=vendor") || command.contains("-modfile")) {
      return new Refusal(
          "the build reads vendored modules or another go.mod, so the added step would fetch"
              + " the wrong set");
    }
    List<String> manifests = new ArrayList<>(List.of("go.mod", "go.sum"));
    if (contextDir.isPresent()) {
      Path dir = contextDir.get();
      if (Files.isDirectory(dir.resolve("vendor"))) {
        return new Refusal("the context has vendor/, so the build downloads nothing");
      }
      if (Files.exists(dir.resolve("go.work"))) {
        return new Refusal(
            "the context has go.work, a workspace whose modules the added step would need too");
      }
      if (!Files.isRegularFile(dir.resolve("go.mod"))) {
        return new Refusal("go.mod is not at the top of the context");
      }
      manifests.removeIf(m -> !Files.isRegularFile(dir.resolve(m)));
    }
    env.add("go mod download");
    return new Fetch(
        manifests, "RUN " + String.join(" ", env), "*/pkg/mod", "the modules in Go's module cache");
  }

  /** Whether an earlier COPY of the stage already put every manifest in the working directory. */
  private static boolean alreadyCopied(
      List<Instruction> body, int copyIndex, List<String> manifests) {
    String workdir = workdirBefore(body, copyIndex);
    List<String> copied = new ArrayList<>();
    for (int j = 0; j < copyIndex; j++) {
      Instruction ins = body.get(j);
      if (ins.keyword().equals("WORKDIR")) {
        copied.clear();
      }
      if (!ins.keyword().equals("COPY")
          || ins.flag("from").isPresent()
          || ins.jsonForm()
          || ins.args().size() < 2
          || !intoWorkdir(ins.args().get(ins.args().size() - 1), workdir)) {
        continue;
      }
      for (String s : ins.args().subList(0, ins.args().size() - 1)) {
        copied.add(s.startsWith("./") ? s.substring(2) : s);
      }
    }
    return manifests.stream().allMatch(m -> !m.contains("/") && copied.contains(m));
  }

  private static String copyLine(Instruction copy, List<String> manifests, String dest) {
    StringBuilder line = new StringBuilder("COPY");
    for (String flag : copy.flags()) {
      if (flag.startsWith("--chown") || flag.startsWith("--chmod")) {
        line.append(' ').append(flag);
      }
    }
    manifests.forEach(m -> line.append(' ').append(m));
    String first = manifests.get(0);
    int slash = first.lastIndexOf('/');
    String target =
        slash >= 0 ? first.substring(0, slash + 1) : manifests.size() == 1 ? dest : "./";
    return line.append(' ').append(target).toString();
  }

  private static String workdirBefore(List<Instruction> body, int index) {
    String workdir = null;
    for (int j = 0; j < index; j++) {
      Instruction ins = body.get(j);
      if (ins.keyword().equals("WORKDIR") && !ins.args().isEmpty()) {
        workdir = ins.args().get(0);
      }
    }
    return workdir;
  }

  private static boolean intoWorkdir(String dest, String workdir) {
    return dest.equals(".")
        || dest.equals("./")
        || (workdir != null && RunScript.trimSlash(dest).equals(RunScript.trimSlash(workdir)));
  }

  /** Words split at whitespace outside quotes, the quotes kept as written. */
  private static List<String> tokens(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      cur.append(c);
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static String unquote(String token) {
    List<String> words = RunScript.words(token);
    return words.isEmpty() ? "" : words.get(0);
  }
}
