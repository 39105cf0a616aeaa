package dev.layerlab.cli;

import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab snapshot}: records a build's inputs for a later {@code predict}. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Records the inputs of a build of DIR (context files and their digests, the Dockerfile,"
          + " build arguments) so that 'layerlab predict' can tell what the next build rebuilds."
          + " Run it right after a build. Writes outside the project, under"
          + " $XDG_STATE_HOME/layerlab (default ~/.local/state/layerlab)."
    })
final class SnapshotCommand implements Callable<Integer> {

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
      description = "A build argument, as given to docker build.")
  List<String> buildArgs = new ArrayList<>();

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Where to record (default: $XDG_STATE_HOME/layerlab).")
  Path stateDir;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    StateStore store = StateStore.at(stateDir);
    ContextReader reader = new ContextReader(dir, file, store);
    String text = reader.dockerfileText();
    ContextReader.parse(text, reader.dockerfile.getFileName().toString());

    Map<String, List<BuildState.Entry>> contexts = new LinkedHashMap<>();
    ContextSnapshot classic = reader.snapshot(ContextSender.CLASSIC);
    contexts.put("classic", BuildState.entries(classic));
    ContextSnapshot buildkit =
        reader.sameRules() ? classic : reader.snapshot(ContextSender.BUILDKIT);
    contexts.put("buildkit", BuildState.entries(buildkit));

    // Without a daemon there is no digest to record; predict then treats base images as unchanged.
    BuildState state =
        new BuildState(
            BuildState.FORMAT,
            reader.context.toString(),
            reader.dockerfile.toString(),
            text,
            ContextReader.buildArgs(buildArgs),
            Map.of(),
            Instant.now().toString(),
            contexts);
    Path saved = store.save(reader.context, reader.dockerfile, state);
    out.println(
        "Recorded "
            + classic.fileCount()
            + " files of "
            + reader.context
            + " ("
            + reader.dockerfile.getFileName()
            + ") in "
            + saved);
    out.flush();
    return ExitCodes.OK;
  }
}
