package dev.layerlab.cli;

import dev.layerlab.report.IndexReport;
import dev.layerlab.scenario.ScenarioException;
import dev.layerlab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code layerlab bench DIR --all}: benches every scenario directory under DIR in name order, one
 * report each, and writes an index over them. A scenario that fails is noted on the index and the
 * next one runs; the bench then ends with exit code 4. Docker going away ends it at once.
 */
final class ScenarioSuite {

  private ScenarioSuite() {}

  static int run(BenchCommand cmd) {
    checkOptions(cmd);
    PrintWriter out = cmd.spec.commandLine().getOut();
    PrintWriter err = cmd.spec.commandLine().getErr();
    List<Path> dirs = scenarioDirs(cmd.scenarioDir);

    List<IndexReport.Entry> entries = new ArrayList<>();
    boolean failed = false;
    try {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        out.println("scenario " + name + " (" + (entries.size() + 1) + " of " + dirs.size() + ")");
        cmd.lastResult = null;
        cmd.lastReportDir = null;
        try {
          cmd.prepared = ScenarioLoader.load(dir);
          name = cmd.prepared.name();
          cmd.bench();
          entries.add(IndexReport.Entry.of(cmd.lastResult, link(cmd)));
        } catch (ScenarioException | Failure e) {
          if (e instanceof Failure f
              && (f.exitCode() == ExitCodes.DOCKER_UNAVAILABLE
                  || f.exitCode() == ExitCodes.INTERRUPTED)) {
            throw f;
          }
          failed = true;
          String why = cmd.redactor().apply(e.getMessage());
          err.println("layerlab: " + why + "; going on with the next scenario");
          err.flush();
          entries.add(
              cmd.lastResult == null
                  ? IndexReport.Entry.failed(name, Optional.empty(), why)
                  : IndexReport.Entry.failed(cmd.lastResult, link(cmd), why));
        }
      }
    } finally {
      writeIndex(cmd, entries, out, err);
    }
    if (failed) {
      throw new Failure(
          ExitCodes.BUILD_FAILED,
          entries.stream().filter(e -> e.failure().isPresent()).count()
              + " of "
              + dirs.size()
              + " scenarios failed; "
              + cmd.output.resolve("index.html")
              + " notes each failure");
    }
    return ExitCodes.OK;
  }

  private static void checkOptions(BenchCommand cmd) {
    if (cmd.scenarioDir == null) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--all needs a directory of scenarios (layerlab bench scenarios --all)");
    }
    if (cmd.projectDir != null || cmd.dockerfileOption != null || cmd.readyPattern != null) {
      throw new Failure(
          ExitCodes.BAD_INPUT, "--all benches scenario directories; --project is one project");
    }
    if (!List.of("classic", "buildkit", "both").contains(cmd.builder)
        || !List.of("host", "none").contains(cmd.network)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--builder must be classic, buildkit or both and --network host or none, not '"
              + cmd.builder
              + "' and '"
              + cmd.network
              + "'");
    }
    if (cmd.runIdOption != null || cmd.shardOption != null || !cmd.variants.isEmpty()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "--all gives each scenario its own run; --run-id, --shard and --variant apply to one"
              + " scenario: bench it alone");
    }
  }

  private static List<Path> scenarioDirs(Path root) {
    if (!Files.isDirectory(root)) {
      throw new Failure(ExitCodes.BAD_INPUT, root + ": not a directory of scenarios");
    }
    try (Stream<Path> children = Files.list(root)) {
      List<Path> dirs =
          children
              .filter(p -> Files.isRegularFile(p.resolve(ScenarioLoader.FILE_NAME)))
              .sorted()
              .toList();
      if (dirs.isEmpty()) {
        throw new Failure(
            ExitCodes.BAD_INPUT,
            root
                + ": no scenario directories (sub-directories with a "
                + ScenarioLoader.FILE_NAME
                + ")");
      }
      return dirs;
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, root + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static String link(BenchCommand cmd) {
    Path report = cmd.lastReportDir.resolve("report.html").toAbsolutePath().normalize();
    return cmd.output.toAbsolutePath().normalize().relativize(report).toString().replace('\\', '/');
  }

  private static void writeIndex(
      BenchCommand cmd, List<IndexReport.Entry> entries, PrintWriter out, PrintWriter err) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      IndexReport.write(cmd.output, entries);
      out.println("index: " + cmd.output.resolve("index.html"));
    } catch (IOException e) {
      err.println("layerlab: could not write the index in " + cmd.output + ": " + e.getMessage());
    }
    out.flush();
  }
}
