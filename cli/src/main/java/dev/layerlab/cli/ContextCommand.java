package dev.layerlab.cli;

import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextSummary;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.PathVerdict;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab context}: what a build of a directory would upload; no Docker needed. */
@Command(
    name = "context",
    mixinStandardHelpOptions = true,
    description = {
      "Lists what Docker would receive as the build context of DIR after .dockerignore: every"
          + " path with its size and mode, the totals, the largest directories, and paths Docker"
          + " cannot send. With --explain, says which .dockerignore line decides about one path."
          + " Needs no Docker."
    })
final class ContextCommand implements Callable<Integer> {

  /** How many directories the summary lists. */
  static final int TOP_DIRECTORIES = 10;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The build context directory.")
  Path dir;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "DOCKERFILE",
      description = "The Dockerfile, as for docker build -f (default: DIR/Dockerfile).")
  Path dockerfile;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--explain",
      paramLabel = "PATH",
      description = "Say which .dockerignore line decides whether PATH is sent, and nothing else.")
  String explain;

  @Option(
      names = "--builder",
      defaultValue = "buildkit",
      paramLabel = "buildkit|classic",
      description =
          "Whose rules to follow: BuildKit's, or the classic builder's (DOCKER_BUILDKIT=0);"
              + " they differ on wildcard exceptions and on <Dockerfile>.dockerignore"
              + " (default: ${DEFAULT-VALUE}).")
  String builder;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    ContextSender sender = sender();
    if (!format.equals("text") && !format.equals("json")) {
      throw new Failure(ExitCodes.BAD_INPUT, "--format must be text or json, not '" + format + "'");
    }
    if (!Files.isDirectory(dir)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          dir
              + (Files.exists(dir)
                  ? ": not a directory (the build context must be a directory)"
                  : ": no such directory"));
    }
    Path file = dockerfile != null ? dockerfile : dir.resolve("Dockerfile");
    if (!Files.isRegularFile(file)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          file + ": no such Dockerfile (docker build would fail; name another one with -f)");
    }
    try {
      DockerfileParser.parse(file);
    } catch (DockerfileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }

    IgnoreRules rules;
    ContextSnapshot snapshot;
    try {
      rules = IgnoreRules.forBuild(dir, file, sender);
      snapshot = new ContextWalker(rules, SnapshotCache.none(), sender).snapshot(dir);
    } catch (IgnoreFileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, dir + ": cannot read: " + e.getMessage(), e);
    }

    PrintWriter out = spec.commandLine().getOut();
    ContextView view = new ContextView(sender, file, rules, snapshot);
    if (explain != null) {
      PathVerdict verdict = PathVerdict.of(snapshot, rules, relativeToContext(explain));
      if (format.equals("json")) {
        view.writeJson(out, verdict);
      } else {
        out.println(view.explanation(verdict));
      }
    } else if (format.equals("json")) {
      view.writeJson(out, ContextSummary.of(snapshot, TOP_DIRECTORIES));
    } else {
      view.writeText(out, ContextSummary.of(snapshot, TOP_DIRECTORIES));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private ContextSender sender() {
    return switch (builder.toLowerCase(Locale.ROOT)) {
      case "buildkit" -> ContextSender.BUILDKIT;
      case "classic" -> ContextSender.CLASSIC;
      default ->
          throw new Failure(
              ExitCodes.BAD_INPUT, "--builder must be buildkit or classic, not '" + builder + "'");
    };
  }

  /** Accepts a path inside the context given as relative to it, or absolute. */
  private String relativeToContext(String path) {
    Path given = Path.of(path);
    if (!given.isAbsolute()) {
      return path;
    }
    Path root = dir.toAbsolutePath().normalize();
    Path normal = given.normalize();
    if (!normal.startsWith(root)) {
      throw new Failure(
          ExitCodes.BAD_INPUT, path + ": not inside the build context " + root + " (--explain)");
    }
    String rel = root.relativize(normal).toString();
    return rel.isEmpty() ? "." : rel;
  }
}
