package dev.layerlab.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.layerlab.advice.AdviceOptions;
import dev.layerlab.advice.Advisor;
import dev.layerlab.advice.Analysis;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.secret.Redactor;
import dev.layerlab.verify.Comparison;
import dev.layerlab.verify.Difference;
import dev.layerlab.verify.ImageVerifier;
import dev.layerlab.verify.VerifyFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab rewrite}: writes the rewritten Dockerfile and, on request, proves it. */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrites a Dockerfile to fix what moving lines or adding a dependency-only step can fix, prints the change as a unified"
          + " diff and writes the result (and a suggested .dockerignore). With --verify, builds"
          + " the original and the rewrite with the classic builder on a copy of the context and"
          + " checks that both give the same image."
    })
final class RewriteCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DOCKERFILE", description = "The Dockerfile to rewrite.")
  Path dockerfile;

  @Option(
      names = {"-C", "--context"},
      paramLabel = "DIR",
      description = "The build context (default: the Dockerfile's directory).")
  Path context;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where the rewrite goes (default: DOCKERFILE.layerlab beside it).")
  Path output;

  @Option(names = "--in-place", description = "Overwrite DOCKERFILE with the rewrite.")
  boolean inPlace;

  @Option(
      names = "--verify",
      description =
          "Build both Dockerfiles (Docker needed) and compare the images' files and start-up"
              + " configuration; write only if they match.")
  boolean verify;

  @Option(
      names = "--network",
      defaultValue = "none",
      paramLabel = "host|none",
      description = "Network for RUN steps while verifying (default: ${DEFAULT-VALUE}).")
  String network;

  @Option(
      names = "--build-arg",
      paramLabel = "KEY=VALUE",
      description = "A build argument for both builds while verifying (repeatable).")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "The value of the dev.layerlab.run label on what verifying creates (default: a new"
              + " time-based id).")
  String runIdOption;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    checkOptions();
    Path file = dockerfile;
    String text = read(file);
    Path contextDir =
        context != null ? context : file.getParent() != null ? file.getParent() : Path.of("");
    AdviceOptions options =
        AdviceOptions.defaults(Optional.of(contextDir))
            .withSnapshot(snapshot(contextDir.toAbsolutePath(), file.toAbsolutePath()));
    Analysis analysis = Advisor.analyze(parse(file), text, options);

    if (analysis.rewritten().isEmpty()) {
      out.println(
          file
              + ": nothing to rewrite: no finding can be fixed by moving lines or adding a"
              + " dependency-only step");
      out.flush();
      return ExitCodes.OK;
    }
    String rewritten = analysis.rewritten().get();
    Path target = inPlace ? file : output != null ? output : siblingOf(file, ".layerlab");
    out.print(unifiedDiff(file.toString(), target.toString(), text, rewritten));
    analysis.edits().forEach(e -> out.println("# " + e));
    out.flush();

    if (verify) {
      int verdict = verify(out, file, contextDir, text, rewritten, analysis);
      if (verdict != ExitCodes.OK) {
        out.println("nothing written: the rewrite did not verify");
        out.flush();
        return verdict;
      }
    }
    write(target, rewritten);
    out.println("wrote " + target);
    if (analysis.suggestedDockerignore().isPresent()) {
      Path ignore = contextDir.resolve(".dockerignore");
      boolean exists = Files.exists(ignore);
      String existing = exists ? read(ignore) : "";
      Path ignoreTarget = exists ? siblingOf(ignore, ".layerlab") : ignore;
      write(ignoreTarget, ImageVerifier.merged(existing, analysis.suggestedDockerignore().get()));
      out.println(
          "wrote "
              + ignoreTarget
              + (exists ? " (the existing .dockerignore with the suggested lines added)" : ""));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The unified diff of two texts, with three lines of context; empty when they are equal. */
  static String unifiedDiff(String fromName, String toName, String from, String to) {
    List<String> a = from.lines().toList();
    List<String> b = to.lines().toList();
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, DiffUtils.diff(a, b), 3);
    StringBuilder diff = new StringBuilder();
    lines.forEach(l -> diff.append(l).append('\n'));
    return diff.toString();
  }

  private int verify(
      PrintWriter out,
      Path file,
      Path contextDir,
      String text,
      String rewritten,
      Analysis analysis) {
    Redactor redactor = Redactor.of(buildArgs, List.of());
    String runId = runIdOption != null ? SecretArgs.checkRunId(runIdOption) : newRunId();
    Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "layerlab-" + runId);
    Path context = contextDir.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    Optional<String> relative =
        absolute.startsWith(context)
            ? Optional.of(context.relativize(absolute).toString().replace('\\', '/'))
            : Optional.empty();
    out.println(
        "verifying: building the original and the rewrite (classic builder, run " + runId + ")");
    out.flush();
    try (DockerJavaEngine engine = new DockerJavaEngine(System::nanoTime, scratch.resolve("tar"))) {
      engine.info();
      ImageVerifier.Result result =
          new ImageVerifier(engine)
              .verify(
                  new ImageVerifier.Request(
                      context,
                      relative,
                      text,
                      rewritten,
                      analysis.suggestedDockerignore(),
                      buildArgs,
                      network,
                      runId,
                      scratch,
                      analysis.addedSteps()));
      result.leftovers().forEach(l -> out.println("could not remove " + l));
      return printVerdict(out, result.comparison());
    } catch (EngineException e) {
      throw new Failure(ExitCodes.DOCKER_UNAVAILABLE, e.getMessage(), e).redacted(redactor);
    } catch (VerifyFailedException e) {
      throw new Failure(ExitCodes.BUILD_FAILED, e.getMessage(), e).redacted(redactor);
    } catch (IOException e) {
      throw new Failure(
              ExitCodes.BAD_INPUT, "cannot copy the context " + context + ": " + e.getMessage(), e)
          .redacted(redactor);
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static int printVerdict(PrintWriter out, Comparison comparison) {
    List<Difference> expected = comparison.expected();
    if (!expected.isEmpty()) {
      // Grouped by reason, a few examples each: a build that stamps times into thousands of
      // files would otherwise bury the verdict.
      java.util.Map<String, List<Difference>> byReason = new java.util.LinkedHashMap<>();
      expected.forEach(
          d ->
              byReason
                  .computeIfAbsent(d.expectedBecause(), k -> new java.util.ArrayList<>())
                  .add(d));
      out.println(expected.size() + " expected difference(s):");
      byReason.forEach(
          (why, list) -> {
            out.println("  " + list.size() + " because " + why + ", e.g.:");
            list.stream().limit(5).forEach(d -> out.println("    " + d.where() + ": " + d.what()));
          });
    }
    if (comparison.sameImage()) {
      out.println(
          "verified: the rewritten Dockerfile builds the same image ("
              + comparison.filesCompared()
              + " files compared)");
      return ExitCodes.OK;
    }
    List<Difference> unexpected = comparison.unexpected();
    out.println(
        "the rewritten Dockerfile builds a different image: "
            + unexpected.size()
            + " difference(s) ("
            + comparison.filesCompared()
            + " files compared):");
    unexpected.forEach(d -> out.println("  " + d.oneLine()));
    return ExitCodes.IMAGE_DIFFERS;
  }

  private void checkOptions() {
    if (inPlace && output != null) {
      throw new Failure(ExitCodes.BAD_INPUT, "give -o FILE or --in-place, not both");
    }
    if (!network.equals("host") && !network.equals("none")) {
      throw new Failure(
          ExitCodes.BAD_INPUT, "--network must be host or none, not '" + network + "'");
    }
    if (context != null && !Files.isDirectory(context)) {
      throw new Failure(ExitCodes.BAD_INPUT, context + ": no such context directory");
    }
    if (!Files.isRegularFile(dockerfile)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          dockerfile
              + ": no such Dockerfile"
              + (Files.isDirectory(dockerfile)
                  ? " (that is a directory; name the Dockerfile in it)"
                  : ""));
    }
  }

  /** The context as the classic builder sees it, so that LL002 can suggest .dockerignore lines. */
  private static ContextSnapshot snapshot(Path dir, Path dockerfile) {
    try {
      IgnoreRules rules = IgnoreRules.forBuild(dir, dockerfile, ContextSender.CLASSIC);
      return new ContextWalker(rules, SnapshotCache.none(), ContextSender.CLASSIC).snapshot(dir);
    } catch (IgnoreFileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT, dir + ": cannot read the context: " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Dockerfile parse(Path file) {
    try {
      return DockerfileParser.parse(file);
    } catch (DockerfileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static Path siblingOf(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  private static String newRunId() {
    String time =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(java.time.Instant.now());
    return "rewrite-"
        + time
        + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Only layerlab's own scratch directory.
    }
  }
}
