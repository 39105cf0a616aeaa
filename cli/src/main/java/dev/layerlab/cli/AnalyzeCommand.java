package dev.layerlab.cli;

import dev.layerlab.advice.Advisor;
import dev.layerlab.advice.Analysis;
import dev.layerlab.advice.Finding;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab analyze}: findings about a Dockerfile and its rewrite; no Docker needed. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a Dockerfile, reports what makes its rebuilds slow (with line numbers), and prints"
          + " the Dockerfile rewritten to fix what moving lines or adding a dependency-only step can fix. Needs no Docker."
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DOCKERFILE", description = "The Dockerfile to read.")
  Path dockerfile;

  @Option(
      names = {"-C", "--context"},
      paramLabel = "DIR",
      description = "The build context (default: the Dockerfile's directory).")
  Path context;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path file = dockerfile;
    if (!Files.isRegularFile(file)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          file
              + ": no such Dockerfile"
              + (Files.isDirectory(file)
                  ? " (that is a directory; name the Dockerfile in it)"
                  : ""));
    }
    String text;
    Dockerfile parsed;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      parsed = DockerfileParser.parse(file);
    } catch (DockerfileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, file + ": cannot read: " + e.getMessage(), e);
    }
    Path contextDir = context != null ? context : file.toAbsolutePath().getParent();
    Analysis analysis = Advisor.analyze(parsed, text, Optional.of(contextDir));

    if (analysis.findings().isEmpty()) {
      out.println(file + ": no findings");
      return ExitCodes.OK;
    }
    for (Finding f : analysis.findings()) {
      out.println(f.oneLine());
      out.println("  fix: " + f.fix());
    }
    if (analysis.rewritten().isPresent()) {
      out.println();
      out.println("Rewritten " + file.getFileName() + ":");
      analysis.edits().forEach(e -> out.println("  " + e));
      out.println();
      out.print(analysis.rewritten().get());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
