package dev.layerlab.cli;

import dev.layerlab.advice.AdviceConfig;
import dev.layerlab.advice.AdviceOptions;
import dev.layerlab.advice.Advisor;
import dev.layerlab.advice.Analysis;
import dev.layerlab.advice.BuilderKind;
import dev.layerlab.advice.ConfigException;
import dev.layerlab.advice.FailureThreshold;
import dev.layerlab.advice.Rule;
import dev.layerlab.advice.Rules;
import dev.layerlab.advice.Severity;
import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerlab check}: the rules as a CI gate. Prints the findings as text, JSON, SARIF or
 * Markdown and exits 1 when one is at or above the failure threshold.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a Dockerfile against layerlab's rules and exits 1 when a finding is at or above the"
          + " failure threshold (0 otherwise, 2 for bad input). Needs no Docker.",
      "Reads .layerlab.yaml beside the Dockerfile (or --config): ignore, severity,"
          + " failure-threshold."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DOCKERFILE", description = "The Dockerfile to check.")
  Path dockerfile;

  @Option(
      names = {"-C", "--context"},
      paramLabel = "DIR",
      description =
          "The build context. When given, layerlab walks it to measure what it sends needlessly"
              + " (LL002).")
  Path context;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = CheckFormat.Converter.class,
      description = "text (default), json, sarif or markdown.")
  CheckFormat format = CheckFormat.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--failure-threshold",
      paramLabel = "LEVEL",
      converter = CheckFormat.ThresholdConverter.class,
      description =
          "error, warning, info or none: the least severe finding that fails the check"
              + " (default: the configuration's, else warning).")
  FailureThreshold threshold;

  @Option(
      names = "--builder",
      paramLabel = "BUILDER",
      converter = CheckFormat.BuilderConverter.class,
      description = "classic (default) or buildkit: the builder the findings assume.")
  BuilderKind builder = BuilderKind.CLASSIC;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The configuration file (default: .layerlab.yaml beside the Dockerfile).")
  Path config;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    requireFile(dockerfile, "Dockerfile");
    AdviceConfig cfg = loadConfig();
    FailureThreshold effective =
        threshold != null ? threshold : cfg.failureThreshold().orElse(FailureThreshold.WARNING);

    String text;
    Dockerfile parsed;
    try {
      text = new String(Files.readAllBytes(dockerfile), StandardCharsets.UTF_8);
      parsed = DockerfileParser.parse(dockerfile);
    } catch (DockerfileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, dockerfile + ": cannot read: " + e.getMessage(), e);
    }

    Path contextDir = context != null ? context : dockerfile.toAbsolutePath().getParent();
    AdviceOptions options =
        AdviceOptions.defaults(Optional.of(contextDir)).withBuilder(builder).withConfig(cfg);
    if (context != null) {
      options = options.withSnapshot(snapshot(context));
    }
    Analysis analysis = Advisor.analyze(parsed, text, options);

    Map<String, Severity> severities = new LinkedHashMap<>();
    for (Rule r : Rules.all()) {
      severities.put(r.id(), cfg.severity().getOrDefault(r.id(), r.severity()));
    }
    CheckResult result =
        new CheckResult(
            dockerfile.toString(),
            uri(dockerfile),
            analysis,
            Rules.all(),
            severities,
            effective,
            builder,
            version());
    String report =
        switch (format) {
          case TEXT -> CheckRenderers.text(result);
          case JSON -> CheckRenderers.json(result);
          case SARIF -> SarifRenderer.render(result);
          case MARKDOWN -> CheckRenderers.markdown(result);
        };
    write(report);
    return result.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private AdviceConfig loadConfig() {
    Path file = config;
    if (file == null) {
      Path beside = dockerfile.toAbsolutePath().resolveSibling(AdviceConfig.FILE_NAME);
      if (!Files.isRegularFile(beside)) {
        return AdviceConfig.empty();
      }
      file = dockerfile.resolveSibling(AdviceConfig.FILE_NAME);
    } else {
      requireFile(file, "configuration file");
    }
    try {
      return AdviceConfig.load(file);
    } catch (ConfigException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
  }

  private ContextSnapshot snapshot(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new Failure(ExitCodes.BAD_INPUT, dir + ": no such context directory");
    }
    ContextSender sender =
        builder == BuilderKind.BUILDKIT ? ContextSender.BUILDKIT : ContextSender.CLASSIC;
    try {
      IgnoreRules rules = IgnoreRules.forBuild(dir, dockerfile, sender);
      return new ContextWalker(rules, SnapshotCache.none(), sender).snapshot(dir);
    } catch (IgnoreFileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT, dir + ": cannot read the context: " + e.getMessage(), e);
    }
  }

  private void write(String report) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(report);
      out.flush();
      return;
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, output + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static void requireFile(Path file, String what) {
    if (Files.isRegularFile(file) && Files.isReadable(file)) {
      return;
    }
    String why =
        Files.isDirectory(file)
            ? " (that is a directory; name the file in it)"
            : Files.exists(file) ? " (not readable)" : "";
    throw new Failure(ExitCodes.BAD_INPUT, file + ": no such " + what + why);
  }

  /** The Dockerfile relative to the working directory, as code scanning expects. */
  static String uri(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (abs.startsWith(cwd)) {
      String relative = cwd.relativize(abs).toString().replace('\\', '/');
      try {
        return new URI(null, null, relative, null).toASCIIString();
      } catch (URISyntaxException e) {
        return relative;
      }
    }
    return abs.toUri().toString();
  }

  static String version() {
    try {
      String v = new LayerlabCommand.Version().getVersion()[0];
      return v.startsWith("layerlab ") ? v.substring("layerlab ".length()) : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
