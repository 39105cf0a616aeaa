package dev.layerlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands and answers {@code --version}. */
@Command(
    name = "layerlab",
    mixinStandardHelpOptions = true,
    versionProvider = LayerlabCommand.Version.class,
    description = "Explains slow container image rebuilds, fixes the Dockerfile, and proves it.",
    subcommands = {
      AnalyzeCommand.class,
      RewriteCommand.class,
      CheckCommand.class,
      RulesCommand.class,
      ContextCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      SnapshotCommand.class,
      PredictCommand.class,
      HistoryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LayerlabCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static CommandLine commandLine() {
    return new CommandLine(new LayerlabCommand())
        .setExecutionExceptionHandler(new ErrorHandler())
        .setParameterExceptionHandler(LayerlabCommand::usageError);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr()
        .println(
            "layerlab: "
                + e.getMessage()
                + " (see '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help')");
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"layerlab " + p.getProperty("version", "unknown")};
    }
  }
}
