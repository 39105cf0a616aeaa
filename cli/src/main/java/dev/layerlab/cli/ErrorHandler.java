package dev.layerlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints one line for any failure, {@code layerlab: <what went wrong>}, and returns its exit code;
 * the stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean verbose =
        parsed.hasMatchedOption("--verbose")
            || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
    int code;
    String message;
    if (e instanceof Failure f) {
      code = f.exitCode();
      message = f.getMessage();
    } else {
      code = ExitCodes.INTERNAL;
      message = "internal error: " + e + " (rerun with --verbose for details, and report it)";
    }
    err.println("layerlab: " + message);
    if (verbose) {
      if (e instanceof Failure f && f.trace() != null) {
        err.print(f.trace());
      } else {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return code;
  }
}
