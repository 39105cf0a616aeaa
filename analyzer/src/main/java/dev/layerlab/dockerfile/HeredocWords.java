package dev.layerlab.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the heredoc markers ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) in a line. */
final class HeredocWords {

  private static final ShellLexer WORD_LEXER = new ShellLexer('\\').withSkipUnsetEnv(true);
  private static final ShellLexer LINE_LEXER = WORD_LEXER.withRawQuotes(true).withRawEscapes(true);

  private HeredocWords() {}

  /**
   * The heredocs a line opens, in order, with empty content. A line the shell lexer cannot split
   * opens none, as in BuildKit.
   */
  static List<Heredoc> fromLine(String line) throws LineSyntaxException {
    List<String> words;
    try {
      words = LINE_LEXER.processWords(line, name -> null);
    } catch (ExpansionException e) {
      return List.of();
    }
    List<Heredoc> docs = new ArrayList<>();
    for (String word : words) {
      Optional<Heredoc> doc = parse(word);
      if (doc.isPresent()) {
        docs.add(doc.get());
      }
    }
    return docs;
  }

  /** BuildKit's MustParseHeredoc: a malformed marker counts as no marker. */
  static Optional<Heredoc> parseLenient(String word) {
    try {
      return parse(word);
    } catch (LineSyntaxException | ExpansionException e) {
      return Optional.empty();
    }
  }

  /** Matches {@code ^(\d*)<<(-?)([^<]*)$} by hand, then reads the delimiter as one shell word. */
  static Optional<Heredoc> parse(String word) throws LineSyntaxException {
    int i = 0;
    while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
      i++;
    }
    if (!word.startsWith("<<", i)) {
      return Optional.empty();
    }
    i += 2;
    boolean chomp = i < word.length() && word.charAt(i) == '-';
    if (chomp) {
      i++;
    }
    String rest = word.substring(i);
    if (rest.isEmpty() || rest.indexOf('<') >= 0) {
      return Optional.empty();
    }
    List<String> words = lexRest(WORD_LEXER, rest);
    if (words.size() != 1) {
      return Optional.empty();
    }
    List<String> raw = lexRest(WORD_LEXER.withRawQuotes(true), rest);
    if (raw.size() != words.size()) {
      throw new LineSyntaxException(
          "internal lexing of heredoc produced inconsistent results: " + rest);
    }
    // Quotes anywhere in the delimiter switch expansion off, as in a POSIX shell.
    boolean expand = quoteCount(words.get(0)) == quoteCount(raw.get(0));
    return Optional.of(new Heredoc(words.get(0), "", expand, chomp));
  }

  private static List<String> lexRest(ShellLexer lexer, String rest) throws LineSyntaxException {
    try {
      return lexer.processWords(rest, name -> null);
    } catch (ExpansionException e) {
      throw new LineSyntaxException(e.getMessage());
    }
  }

  private static int quoteCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }
}
