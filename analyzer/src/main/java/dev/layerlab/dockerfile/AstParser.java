package dev.layerlab.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The low-level Dockerfile parser, equivalent to BuildKit's {@code parser.Parse}: logical lines
 * (continuations, comments inside them), parser directives, per-instruction argument rules and
 * heredoc bodies. It does not check whether instructions make sense; {@link DockerfileParser} does
 * that.
 */
public final class AstParser {

  /** bufio.Scanner's default buffer: a line of this many bytes or more cannot be read. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");

  private final String source;
  private final SourceLines lines;
  private final DirectiveReader directives;
  private final List<ParseWarning> warnings = new ArrayList<>();
  private int currentLine;

  private AstParser(String text, String source) {
    this.source = source;
    this.lines = new SourceLines(text);
    this.directives = new DirectiveReader(source);
  }

  /** Parses Dockerfile text; {@code sourceName} only labels error messages. */
  public static ParsedAst parse(String text, String sourceName) throws DockerfileException {
    return new AstParser(text, sourceName).run();
  }

  private ParsedAst run() throws DockerfileException {
    List<Node> children = new ArrayList<>();
    String raw;
    while ((raw = lines.next()) != null) {
      if (currentLine == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      String token = GoText.trimLeftSpace(trimNewline(raw));
      directives.offer(token, currentLine + 1);
      currentLine++;
      int startLine = currentLine;

      Continuation first = trimContinuation(isComment(token) ? "" : token);
      if (first.complete && first.text.isEmpty()) {
        continue;
      }
      String line = joinContinuationLines(first);
      children.add(instruction(line, startLine));
    }

    if (children.isEmpty()) {
      throw new DockerfileException(source, currentLine, "file with no instructions");
    }
    if (lines.tooLongLine() > 0) {
      throw new DockerfileException(
          source,
          lines.tooLongLine(),
          "dockerfile line greater than max allowed size of " + (MAX_LINE_BYTES - 1));
    }
    Node root =
        new Node("", List.of(), List.of(), children, false, "", 0, 0, List.of())
            .withLines(children.get(0).startLine(), children.get(children.size() - 1).endLine());
    return new ParsedAst(root, directives.escapeToken(), directives.found(), warnings);
  }

  /** Appends continuation lines; comment lines are skipped, empty ones skipped with a warning. */
  private String joinContinuationLines(Continuation first) {
    StringBuilder buf = new StringBuilder(first.text);
    boolean complete = first.complete;
    boolean hadEmptyLine = false;
    String raw;
    while (!complete && (raw = lines.next()) != null) {
      String token = trimNewline(raw);
      currentLine++;
      if (isComment(raw)) {
        continue;
      }
      if (GoText.trimLeftSpace(token).isEmpty()) {
        hadEmptyLine = true;
        continue;
      }
      Continuation next = trimContinuation(token);
      complete = next.complete;
      buf.append(next.text);
    }
    String line = buf.toString();
    if (hadEmptyLine) {
      warnings.add(new ParseWarning(currentLine, "Empty continuation line found in: " + line));
    }
    return line;
  }

  private Node instruction(String line, int startLine) throws DockerfileException {
    Node node;
    try {
      node = new LineParsers(directives.escapeToken()).parse(line);
    } catch (LineSyntaxException e) {
      throw new DockerfileException(source, startLine, e.getMessage(), e);
    }
    if (canContainHeredoc(node) && line.contains("<<")) {
      node = node.withHeredocs(readHeredocs(line, startLine));
    }
    return node.withLines(startLine, currentLine);
  }

  private static boolean canContainHeredoc(Node node) {
    Node target = node;
    if (node.value().equals("onbuild") && node.nestedInstruction() != null) {
      target = node.nestedInstruction();
    }
    return HEREDOC_INSTRUCTIONS.contains(target.value()) && !target.json();
  }

  /** Reads each heredoc body in turn from the lines after the instruction. */
  private List<Heredoc> readHeredocs(String line, int startLine) throws DockerfileException {
    List<Heredoc> markers;
    try {
      markers = HeredocWords.fromLine(line);
    } catch (LineSyntaxException e) {
      throw new DockerfileException(source, startLine, e.getMessage(), e);
    }
    List<Heredoc> docs = new ArrayList<>();
    for (Heredoc marker : markers) {
      StringBuilder content = new StringBuilder();
      boolean terminated = false;
      String raw;
      while ((raw = lines.next()) != null) {
        currentLine++;
        String candidate = trimNewline(raw);
        if (marker.chomp()) {
          candidate = trimLeadingTabs(candidate);
        }
        if (candidate.equals(marker.name())) {
          terminated = true;
          break;
        }
        content.append(raw);
      }
      if (!terminated) {
        throw new DockerfileException(
            source,
            startLine,
            "unterminated heredoc: no line reading " + marker.name() + " ends it");
      }
      docs.add(marker.withContent(content.toString()));
    }
    return docs;
  }

  private record Continuation(String text, boolean complete) {}

  /**
   * A line ends in a continuation when its last non-blank character is the escape token and the
   * character before it is not (BuildKit's regexp cannot see an escaped escape before that).
   */
  private Continuation trimContinuation(String line) {
    char escape = directives.escapeToken();
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end == 0 || line.charAt(end - 1) != escape) {
      return new Continuation(line, true);
    }
    int escapeAt = end - 1;
    if (escapeAt == 0) {
      return new Continuation("", false);
    }
    if (line.charAt(escapeAt - 1) == escape) {
      return new Continuation(line, true);
    }
    return new Continuation(line.substring(0, escapeAt), false);
  }

  private static boolean isComment(String line) {
    return GoText.trimLeftSpace(line).startsWith("#");
  }

  private static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String trimLeadingTabs(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\t') {
      i++;
    }
    return s.substring(i);
  }

  /**
   * The file as bufio.Scanner hands it out: lines keep their "\n", and reading stops at the first
   * line too long for the scanner's buffer.
   */
  private static final class SourceLines {
    private final String text;
    private int pos;
    private int lineNumber;
    private int tooLongLine;

    SourceLines(String text) {
      this.text = text;
    }

    String next() {
      if (pos >= text.length() || tooLongLine > 0) {
        return null;
      }
      int newline = text.indexOf('\n', pos);
      int contentEnd = newline < 0 ? text.length() : newline;
      lineNumber++;
      if (contentEnd - pos >= MAX_LINE_BYTES / 4
          && GoText.utf8Length(text.subSequence(pos, contentEnd)) >= MAX_LINE_BYTES) {
        tooLongLine = lineNumber;
        return null;
      }
      int end = newline < 0 ? text.length() : newline + 1;
      String line = text.substring(pos, end);
      pos = end;
      return line;
    }

    int tooLongLine() {
      return tooLongLine;
    }
  }

  /** Parser directives: only in the leading comment lines, each name at most once. */
  private static final class DirectiveReader {
    private static final Set<String> VALID = Set.of("syntax", "escape", "check");

    private final String source;
    private final Set<String> seen = new HashSet<>();
    private final List<Directive> found = new ArrayList<>();
    private boolean done;
    private char escapeToken = '\\';

    DirectiveReader(String source) {
      this.source = source;
    }

    char escapeToken() {
      return escapeToken;
    }

    List<Directive> found() {
      return found;
    }

    void offer(String token, int line) throws DockerfileException {
      if (done) {
        return;
      }
      String[] match = match(token);
      if (match == null) {
        done = true;
        return;
      }
      String name = match[0].toLowerCase(java.util.Locale.ROOT);
      if (!VALID.contains(name)) {
        done = true;
        return;
      }
      if (!seen.add(name)) {
        throw new DockerfileException(
            source, line, "only one " + name + " parser directive can be used");
      }
      if (name.equals("escape")) {
        if (!match[1].equals("`") && !match[1].equals("\\")) {
          throw new DockerfileException(
              source, line, "invalid escape token '" + match[1] + "' does not match ` or \\");
        }
        escapeToken = match[1].charAt(0);
      }
      found.add(new Directive(name, match[1], line));
    }

    /**
     * Hand-written form of {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} (Go's \s, which has
     * no \v); a regexp here backtracks quadratically on long blank runs.
     */
    private static String[] match(String s) {
      int i = 0;
      if (s.isEmpty() || s.charAt(0) != '#') {
        return null;
      }
      i = skipSpace(s, 1);
      int nameStart = i;
      if (i >= s.length() || !isAsciiLetter(s.charAt(i))) {
        return null;
      }
      while (i < s.length() && (isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)))) {
        i++;
      }
      String name = s.substring(nameStart, i);
      i = skipSpace(s, i);
      if (i >= s.length() || s.charAt(i) != '=') {
        return null;
      }
      String rest = s.substring(i + 1);
      if (rest.isEmpty()) {
        return null;
      }
      int valueStart = skipSpace(rest, 0);
      if (valueStart == rest.length()) {
        // Only blanks after "=": the lazy group still has to take one, the last.
        return new String[] {name, rest.substring(rest.length() - 1)};
      }
      int valueEnd = rest.length();
      while (valueEnd > valueStart && isRegexSpace(rest.charAt(valueEnd - 1))) {
        valueEnd--;
      }
      return new String[] {name, rest.substring(valueStart, valueEnd)};
    }

    private static int skipSpace(String s, int from) {
      int i = from;
      while (i < s.length() && isRegexSpace(s.charAt(i))) {
        i++;
      }
      return i;
    }

    private static boolean isRegexSpace(char c) {
      return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
