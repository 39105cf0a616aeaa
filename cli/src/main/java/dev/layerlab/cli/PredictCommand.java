package dev.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlab.cache.BuildInputs;
import dev.layerlab.cache.CacheModel;
import dev.layerlab.cache.CacheSemantics;
import dev.layerlab.cache.DockerVersion;
import dev.layerlab.cache.MissCause;
import dev.layerlab.cache.StepPrediction;
import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.EntryType;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.dockerfile.Dockerfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab predict}: which steps the next build rebuilds, and why. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Predicts which steps the next build of DIR takes from the cache and why the others"
          + " rebuild, by comparing the inputs now with those 'layerlab snapshot' recorded"
          + " (or with a git revision, --since, or with hypothetical edits, --change)."
          + " Needs no Docker."
    })
final class PredictCommand implements Callable<Integer> {

  /** What a changed file's digest becomes when the change is only known by name. */
  private static final String EDITED = "sha256:edited-";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The build context directory.")
  Path dir;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "DOCKERFILE",
      description = "The Dockerfile (default: DIR/Dockerfile).")
  Path file;

  @Option(
      names = "--build-arg",
      paramLabel = "K=V",
      description = "A build argument of the next build.")
  List<String> buildArgs = new ArrayList<>();

  @Option(
      names = "--builder",
      paramLabel = "classic|buildkit",
      description =
          "Whose cache rules to apply (default: ${DEFAULT-VALUE}, the builder layerlab bench uses).")
  String builder = "classic";

  @Option(
      names = "--docker-version",
      paramLabel = "X.Y",
      description =
          "The Docker Engine version, for rules that changed between releases (default: current behaviour).")
  String dockerVersion;

  @Option(
      names = "--since",
      paramLabel = "GIT_REF",
      description = "Compare with the files at this git revision instead of the recorded state.")
  String since;

  @Option(
      names = "--change",
      paramLabel = "PATH",
      description = "Predict as if these files (relative to DIR) were edited.")
  List<String> changes = new ArrayList<>();

  @Option(
      names = "--target",
      paramLabel = "STAGE",
      description = "The stage to build (default: the last).")
  String target;

  @Option(names = "--no-cache", description = "Predict a build with --no-cache.")
  boolean noCache;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Where snapshots are recorded (default: $XDG_STATE_HOME/layerlab).")
  Path stateDir;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    CacheSemantics semantics = semantics();
    if (!format.equals("text") && !format.equals("json")) {
      throw new Failure(ExitCodes.BAD_INPUT, "--format must be text or json, not '" + format + "'");
    }
    if (since != null && !changes.isEmpty()) {
      throw new Failure(ExitCodes.BAD_INPUT, "use either --since or --change, not both");
    }
    StateStore store = StateStore.at(stateDir);
    ContextReader reader = new ContextReader(dir, file, store);
    ContextSender sender = semantics.isClassic() ? ContextSender.CLASSIC : ContextSender.BUILDKIT;
    String name = reader.dockerfile.getFileName().toString();
    Dockerfile dockerfile = ContextReader.parse(reader.dockerfileText(), name);
    ContextSnapshot now = reader.snapshot(sender);
    BuildInputs next =
        new BuildInputs(
            dockerfile,
            now,
            ContextReader.buildArgs(buildArgs),
            Map.of(),
            noCache,
            Optional.ofNullable(target));

    Optional<BuildInputs> previous;
    String against;
    if (!changes.isEmpty()) {
      IgnoreRules rules = reader.rules(sender);
      previous = Optional.of(next.withNoCache(false));
      Map<String, Character> edits = new HashMap<>();
      changes.forEach(c -> edits.put(relative(c), 'M'));
      next = next.withContext(edit(now, edits, rules, true));
      against = "the same build with " + String.join(", ", changes) + " edited";
    } else if (since != null) {
      previous = sinceRevision(reader, next, sender);
      against = "the files at git revision " + since;
    } else {
      Optional<BuildState> state = store.load(reader.context, reader.dockerfile);
      if (state.isEmpty()) {
        throw new Failure(
            ExitCodes.BAD_INPUT,
            "no recorded build of "
                + reader.context
                + " with "
                + name
                + "; run 'layerlab snapshot "
                + dir
                + (file == null ? "" : " -f " + file)
                + "' after a build, or use --since GIT_REF or --change PATH");
      }
      BuildState s = state.get();
      previous =
          Optional.of(
              new BuildInputs(
                  ContextReader.parse(s.dockerfileText(), name),
                  s.snapshot(semantics.isClassic() ? "classic" : "buildkit"),
                  s.buildArgs(),
                  s.baseImageDigests(),
                  false,
                  Optional.ofNullable(target)));
      against = "the build recorded at " + s.recordedAt();
    }

    List<StepPrediction> steps;
    try {
      BuildInputs nextBuild = next;
      steps =
          previous
              .map(p -> CacheModel.predict(semantics, p, nextBuild))
              .orElseGet(() -> CacheModel.predictFirstBuild(semantics, nextBuild));
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(json(steps));
    } else {
      text(out, steps, semantics, name, against);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private CacheSemantics semantics() {
    CacheSemantics s =
        switch (builder.toLowerCase()) {
          case "classic" -> CacheSemantics.CLASSIC;
          case "buildkit" -> CacheSemantics.BUILDKIT;
          default ->
              throw new Failure(
                  ExitCodes.BAD_INPUT,
                  "--builder must be classic or buildkit, not '" + builder + "'");
        };
    if (dockerVersion == null) {
      return s;
    }
    try {
      return s.withDaemonVersion(DockerVersion.parse(dockerVersion));
    } catch (IllegalArgumentException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
  }

  /** The inputs at a git revision: today's files, with what git reports as changed undone. */
  private Optional<BuildInputs> sinceRevision(
      ContextReader reader, BuildInputs next, ContextSender sender) {
    List<GitChanges.Change> diff = GitChanges.since(reader.context, since);
    Map<String, Character> undo = new HashMap<>();
    // Undoing an addition removes the file; undoing a deletion brings back some content.
    diff.forEach(c -> undo.put(c.path(), c.status() == 'A' ? 'D' : c.status() == 'D' ? 'A' : 'M'));
    ContextSnapshot before = edit(next.context(), undo, reader.rules(sender), false);
    Dockerfile dockerfile = next.dockerfile();
    String dockerfilePath =
        reader.context.relativize(reader.dockerfile).toString().replace('\\', '/');
    if (undo.containsKey(dockerfilePath)) {
      Optional<String> old = GitChanges.show(reader.context, since, dockerfilePath);
      if (old.isEmpty()) {
        return Optional.empty();
      }
      dockerfile = ContextReader.parse(old.get(), reader.dockerfile.getFileName().toString());
    }
    return Optional.of(
        new BuildInputs(dockerfile, before, next.buildArgs(), Map.of(), false, next.target()));
  }

  /** Applies edits known only by path: M changes the digest, A adds a file, D removes it. */
  private static ContextSnapshot edit(
      ContextSnapshot s, Map<String, Character> edits, IgnoreRules rules, boolean addMissing) {
    List<ContextEntry> entries = new ArrayList<>();
    Map<String, Character> pending = new HashMap<>(edits);
    for (ContextEntry e : s.entries()) {
      Character op = pending.remove(e.path());
      if (op == null) {
        entries.add(e);
      } else if (op == 'M') {
        entries.add(
            new ContextEntry(
                e.path(),
                e.type() == EntryType.DIRECTORY ? e.type() : EntryType.FILE,
                e.size(),
                e.mode(),
                e.uid(),
                e.gid(),
                null,
                EDITED + e.digest(),
                e.mtimeMillis()));
      }
    }
    pending.forEach(
        (path, op) -> {
          if ((op == 'A' || (op == 'M' && addMissing)) && !rules.excludes(path)) {
            entries.add(
                new ContextEntry(path, EntryType.FILE, 0, 0644, 0, 0, null, EDITED + path, 0));
          }
        });
    return new ContextSnapshot(s.root(), entries, s.problems());
  }

  private static String relative(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static void text(
      PrintWriter out,
      List<StepPrediction> steps,
      CacheSemantics semantics,
      String name,
      String against) {
    out.println(
        name
            + ", "
            + (semantics.isClassic() ? "classic builder" : "BuildKit")
            + ", compared with "
            + against
            + ":");
    out.printf("%-6s %-5s %-5s %s%n", "STAGE", "LINE", "CACHE", "STEP");
    long misses = 0;
    for (StepPrediction s : steps) {
      String instruction = s.instruction().replaceAll("\\s+", " ");
      if (instruction.length() > 70) {
        instruction = instruction.substring(0, 67) + "...";
      }
      out.printf(
          "%-6s %-5d %-5s %s%n", s.stageName(), s.line(), s.hit() ? "HIT" : "MISS", instruction);
      s.cause().ifPresent(c -> out.println("                   " + c.sentence()));
      misses += s.hit() ? 0 : 1;
    }
    out.println(misses + " of " + steps.size() + " steps rebuild.");
  }

  private static String json(List<StepPrediction> steps) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (StepPrediction s : steps) {
      ObjectNode o = array.addObject();
      o.put("stage", s.stage());
      o.put("stageName", s.stageName());
      o.put("line", s.line());
      o.put("instruction", s.instruction());
      o.put("hit", s.hit());
      if (s.cause().isPresent()) {
        MissCause c = s.cause().get();
        ObjectNode cause = o.putObject("cause");
        cause.put("kind", c.kind().name());
        cause.put("subject", c.subject());
        cause.put("sentence", c.sentence());
      } else {
        o.putNull("cause");
      }
    }
    return mapper.writeValueAsString(array);
  }
}
