package dev.layerlab.cli;

import dev.layerlab.advice.Rule;
import dev.layerlab.advice.Rules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerlab rules}: the rule catalog, with each rule's explanation, fix and example. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Prints layerlab's rule catalog: id, severity, what it finds, why, and the fix.")
final class RulesCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--markdown",
      description = "Print the catalog as a Markdown table (as in the README).")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.println("| id | severity | finds | fix |");
      out.println("|---|---|---|---|");
      for (Rule r : Rules.all()) {
        out.println(
            "| "
                + r.id()
                + " | "
                + r.severity().label()
                + " | "
                + CheckRenderers.cell(r.title())
                + " | "
                + CheckRenderers.cell(r.fix())
                + " |");
      }
      out.flush();
      return ExitCodes.OK;
    }
    for (Rule r : Rules.all()) {
      out.println(r.id() + "  " + r.severity().label() + "  " + r.title());
      wrap(r.explanation(), 96).forEach(l -> out.println("    " + l));
      List<String> fix = wrap("Fix: " + r.fix(), 96);
      fix.forEach(l -> out.println("    " + l));
      out.println("    Example:");
      r.example().lines().forEach(l -> out.println("      " + l));
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
