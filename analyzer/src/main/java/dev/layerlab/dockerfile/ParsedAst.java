package dev.layerlab.dockerfile;

import java.util.List;

/**
 * What the low-level parser returns, like BuildKit's {@code parser.Result}.
 *
 * @param root a node whose children are the instructions; lines span the first to last instruction
 * @param escapeToken the escape character in effect ({@code \} unless an escape directive said so)
 */
public record ParsedAst(
    Node root, char escapeToken, List<Directive> directives, List<ParseWarning> warnings) {

  public ParsedAst {
    directives = List.copyOf(directives);
    warnings = List.copyOf(warnings);
  }

  /** BuildKit's {@code AST.Dump()}. */
  public String dump() {
    return root.dump();
  }
}
