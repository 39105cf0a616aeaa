package dev.layerlab.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * One node of the low-level parse tree, shaped like BuildKit's {@code parser.Node}.
 *
 * <p>The root node has an empty value and the instructions as {@code children}. An instruction node
 * has the lower-cased instruction name as value and its arguments as {@code next}; ONBUILD's single
 * {@code next} node carries the trigger instruction as its only child.
 *
 * @param startLine 1-based first line, continuation lines included (0 for argument nodes)
 * @param endLine 1-based last line, heredoc bodies included (0 for argument nodes)
 */
public record Node(
    String value,
    List<String> flags,
    List<Node> next,
    List<Node> children,
    boolean json,
    String original,
    int startLine,
    int endLine,
    List<Heredoc> heredocs) {

  public Node {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(original, "original");
    flags = List.copyOf(flags);
    next = List.copyOf(next);
    children = List.copyOf(children);
    heredocs = List.copyOf(heredocs);
  }

  static Node leaf(String value) {
    return new Node(value, List.of(), List.of(), List.of(), false, "", 0, 0, List.of());
  }

  static Node holder(Node child) {
    return new Node("", List.of(), List.of(), List.of(child), false, "", 0, 0, List.of());
  }

  Node withLines(int start, int end) {
    return new Node(value, flags, next, children, json, original, start, end, heredocs);
  }

  Node withHeredocs(List<Heredoc> docs) {
    return new Node(value, flags, next, children, json, original, startLine, endLine, docs);
  }

  /** The trigger of an ONBUILD node, or null. */
  Node nestedInstruction() {
    if (!next.isEmpty() && !next.get(0).children().isEmpty()) {
      return next.get(0).children().get(0);
    }
    return null;
  }

  /**
   * BuildKit's {@code Node.Dump()}: an s-expression per instruction, values quoted the way Go's
   * strconv.Quote does, so the output can be compared byte for byte with BuildKit's test results.
   */
  public String dump() {
    StringBuilder sb = new StringBuilder(GoText.toLower(value));
    if (!flags.isEmpty()) {
      sb.append(' ').append(GoText.quoteList(flags));
    }
    for (Node child : children) {
      sb.append('(').append(child.dump()).append(")\n");
    }
    for (Node n : next) {
      sb.append(' ');
      sb.append(n.children.isEmpty() ? GoText.quote(n.value) : n.dump());
    }
    return GoText.trimSpace(sb.toString());
  }
}
