package dev.layerlab.cli;

/** Entry point of the {@code layerlab} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(LayerlabCommand.commandLine().execute(args));
  }
}
