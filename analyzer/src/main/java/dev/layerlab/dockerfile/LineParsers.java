package dev.layerlab.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one logical instruction line into a {@link Node}, using BuildKit's per-instruction argument
 * rules: JSON-or-string, JSON-or-list, key=value pairs, name[=value] lists, plain strings.
 */
final class LineParsers {

  static final String NOT_STRING_ARRAY =
      "when using JSON array syntax, arrays must be comprised of strings only";

  /**
   * ONBUILD ONBUILD ... is rejected later anyway; the cap keeps recursion far from the Java stack
   * limit where Go would simply grow its stack.
   */
  private static final int MAX_ONBUILD_NESTING = 64;

  private enum Kind {
    MAYBE_JSON_TO_LIST,
    NAME_OR_NAME_VALUE,
    MAYBE_JSON,
    ENV,
    LABEL,
    WHITESPACE_LIST,
    HEALTHCHECK,
    STRING,
    SUB_COMMAND
  }

  private static final Map<String, Kind> DISPATCH =
      Map.ofEntries(
          Map.entry("add", Kind.MAYBE_JSON_TO_LIST),
          Map.entry("arg", Kind.NAME_OR_NAME_VALUE),
          Map.entry("cmd", Kind.MAYBE_JSON),
          Map.entry("copy", Kind.MAYBE_JSON_TO_LIST),
          Map.entry("entrypoint", Kind.MAYBE_JSON),
          Map.entry("env", Kind.ENV),
          Map.entry("expose", Kind.WHITESPACE_LIST),
          Map.entry("from", Kind.WHITESPACE_LIST),
          Map.entry("healthcheck", Kind.HEALTHCHECK),
          Map.entry("label", Kind.LABEL),
          Map.entry("maintainer", Kind.STRING),
          Map.entry("onbuild", Kind.SUB_COMMAND),
          Map.entry("run", Kind.MAYBE_JSON),
          Map.entry("shell", Kind.MAYBE_JSON),
          Map.entry("stopsignal", Kind.STRING),
          Map.entry("user", Kind.STRING),
          Map.entry("volume", Kind.MAYBE_JSON_TO_LIST),
          Map.entry("workdir", Kind.STRING));

  private record Args(List<Node> next, boolean json) {
    static final Args NONE = new Args(List.of(), false);

    static Args of(List<String> values, boolean json) {
      return new Args(values.stream().map(Node::leaf).toList(), json);
    }
  }

  private final char escapeToken;

  LineParsers(char escapeToken) {
    this.escapeToken = escapeToken;
  }

  static boolean isKnownInstruction(String lowerCaseName) {
    return DISPATCH.containsKey(lowerCaseName);
  }

  /** BuildKit's newNodeFromLine. */
  Node parse(String line) throws LineSyntaxException {
    return parse(line, 0);
  }

  private Node parse(String line, int depth) throws LineSyntaxException {
    CommandSplitter.Split split = CommandSplitter.split(line);
    Kind kind = DISPATCH.get(split.command());
    Args args =
        kind == null
            ? new Args(List.of(Node.leaf("")), false)
            : dispatch(kind, split.args(), depth);
    return new Node(
        split.command(), split.flags(), args.next, List.of(), args.json, line, 0, 0, List.of());
  }

  private Args dispatch(Kind kind, String rest, int depth) throws LineSyntaxException {
    return switch (kind) {
      case MAYBE_JSON_TO_LIST -> maybeJsonToList(rest);
      case NAME_OR_NAME_VALUE -> Args.of(parseWords(rest), false);
      case MAYBE_JSON -> maybeJson(rest);
      case ENV -> nameValue(rest, "ENV");
      case LABEL -> nameValue(rest, "LABEL");
      case WHITESPACE_LIST -> rest.isEmpty() ? Args.NONE : whitespaceList(rest);
      case HEALTHCHECK -> healthConfig(rest);
      case STRING -> rest.isEmpty() ? Args.NONE : Args.of(List.of(rest), false);
      case SUB_COMMAND -> subCommand(rest, depth);
    };
  }

  private Args subCommand(String rest, int depth) throws LineSyntaxException {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    if (depth >= MAX_ONBUILD_NESTING) {
      throw new LineSyntaxException("ONBUILD nested too deeply");
    }
    return new Args(List.of(Node.holder(parse(rest, depth + 1))), false);
  }

  private static Args whitespaceList(String rest) {
    return Args.of(GoText.splitTokenSpace(rest, -1), false);
  }

  private static Args maybeJson(String rest) throws LineSyntaxException {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    Args json = json(rest);
    return json != null ? json : Args.of(List.of(rest), false);
  }

  private static Args maybeJsonToList(String rest) throws LineSyntaxException {
    Args json = json(rest);
    if (json != null) {
      return json;
    }
    return rest.isEmpty() ? Args.NONE : whitespaceList(rest);
  }

  /** The JSON form, null when the text is not a JSON array (so the caller uses shell form). */
  private static Args json(String rest) throws LineSyntaxException {
    String trimmed = GoText.trimLeftSpace(rest);
    if (!trimmed.startsWith("[")) {
      return null;
    }
    JsonStringArray.Result result = JsonStringArray.decode(trimmed);
    return switch (result.outcome()) {
      case STRINGS -> Args.of(result.values(), true);
      case NOT_STRING_ARRAY -> throw new LineSyntaxException(NOT_STRING_ARRAY);
      case NOT_JSON -> null;
    };
  }

  /**
   * HEALTHCHECK: a type word (CMD, NONE, ...) then a JSON-or-string command. BuildKit finds the end
   * of the type byte by byte, so the search runs over UTF-8 bytes here too.
   */
  private static Args healthConfig(String rest) throws LineSyntaxException {
    byte[] bytes = GoText.utf8(rest);
    int sep = 0;
    while (sep < bytes.length && !GoText.isSpaceByte(bytes[sep] & 0xFF)) {
      sep++;
    }
    int next = sep;
    while (next < bytes.length && GoText.isSpaceByte(bytes[next] & 0xFF)) {
      next++;
    }
    if (sep == 0) {
      return Args.NONE;
    }
    Args cmd = maybeJson(GoText.fromUtf8(bytes, next, bytes.length));
    List<Node> nodes = new ArrayList<>();
    nodes.add(Node.leaf(GoText.fromUtf8(bytes, 0, sep)));
    nodes.addAll(cmd.next);
    return new Args(nodes, cmd.json);
  }

  /**
   * ENV and LABEL: {@code key=value ...}, or the legacy {@code KEY name value} form when the first
   * word has no "=". Each pair becomes three nodes: name, value, and "=" (or "" for legacy).
   */
  private Args nameValue(String rest, String keyword) throws LineSyntaxException {
    List<String> words = parseWords(rest);
    if (words.isEmpty()) {
      return Args.NONE;
    }
    if (!words.get(0).contains("=")) {
      List<String> parts = GoText.splitTokenSpace(rest, 2);
      if (parts.size() < 2) {
        throw new LineSyntaxException(keyword + " must have two arguments");
      }
      return Args.of(List.of(parts.get(0), parts.get(1), ""), false);
    }
    List<String> values = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new LineSyntaxException(
            "Syntax error - can't find = in "
                + GoText.quote(word)
                + ". Must be of the form: name=value");
      }
      values.add(word.substring(0, eq));
      values.add(word.substring(eq + 1));
      values.add("=");
    }
    return Args.of(values, false);
  }

  /** Splits on unquoted whitespace; quotes and escapes stay in the words for later expansion. */
  List<String> parseWords(String rest) {
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    List<String> words = new ArrayList<>();
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int ch = 0;
    int width = 0;
    int len = rest.length();
    for (int pos = 0; pos <= len; pos += width) {
      if (pos != len) {
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      if (phase == inSpaces) {
        if (pos == len) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        phase = inWord;
      }
      if (pos == len) {
        if (blankOk || word.length() > 0) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpace(ch)) {
          phase = inSpaces;
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
        }
        if (ch == escapeToken) {
          if (pos + width == len) {
            continue;
          }
          // Unquoted: keep the escape and the escaped character, even a quote.
          word.appendCodePoint(ch);
          pos += width;
          ch = rest.codePointAt(pos);
          width = Character.charCount(ch);
        }
        word.appendCodePoint(ch);
        continue;
      }
      if (ch == quote) {
        phase = inWord;
      }
      // Nothing can be escaped inside single quotes.
      if (ch == escapeToken && quote != '\'') {
        if (pos + width == len) {
          phase = inWord;
          continue;
        }
        pos += width;
        word.appendCodePoint(ch);
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      word.appendCodePoint(ch);
    }
    return words;
  }
}
