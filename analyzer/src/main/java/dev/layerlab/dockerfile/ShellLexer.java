package dev.layerlab.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variable expansion and word splitting as BuildKit's Dockerfile shell lexer does them.
 *
 * <p>Supports {@code $a ${a} ${a:-b} ${a-b} ${a:+b} ${a+b} ${a:?msg} ${a?msg}}, the {@code #},
 * {@code ##}, {@code %}, {@code %%} trims, {@code /} and {@code //} replacement, single and double
 * quotes and the escape token. Instances are immutable; the option setters return copies.
 *
 * <p>The environment is a function returning null for an unset variable. Errors are thrown as
 * {@link ExpansionException}.
 */
public final class ShellLexer {

  private static final int EOF = -1;

  /**
   * Go grows its stacks on demand, Java does not: nesting like {@code ${a:-${a:-...}}} is cut off
   * here instead of overflowing the stack. Real Dockerfiles nest two or three levels.
   */
  private static final int MAX_NESTING = 200;

  private final int escapeToken;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipUnsetEnv;
  private final boolean skipProcessQuotes;

  public ShellLexer(char escapeToken) {
    this(escapeToken, false, false, false, false);
  }

  private ShellLexer(
      int escapeToken,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipUnsetEnv,
      boolean skipProcessQuotes) {
    this.escapeToken = escapeToken;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnsetEnv = skipUnsetEnv;
    this.skipProcessQuotes = skipProcessQuotes;
  }

  /** Keep quote characters in the output. */
  public ShellLexer withRawQuotes(boolean on) {
    return new ShellLexer(escapeToken, on, rawEscapes, skipUnsetEnv, skipProcessQuotes);
  }

  /** Keep escape characters in the output. */
  public ShellLexer withRawEscapes(boolean on) {
    return new ShellLexer(escapeToken, rawQuotes, on, skipUnsetEnv, skipProcessQuotes);
  }

  /** Leave references to unset variables as written instead of expanding them to "". */
  public ShellLexer withSkipUnsetEnv(boolean on) {
    return new ShellLexer(escapeToken, rawQuotes, rawEscapes, on, skipProcessQuotes);
  }

  /** Treat quote characters as ordinary characters. */
  public ShellLexer withSkipProcessQuotes(boolean on) {
    return new ShellLexer(escapeToken, rawQuotes, rawEscapes, skipUnsetEnv, on);
  }

  /** Expands variables in {@code word}; spaces between words are kept. */
  public String processWord(String word, Function<String, String> env) {
    return new Run(word, env).process().result;
  }

  /** Expands variables in {@code word}, then splits it into words, honouring quotes. */
  public List<String> processWords(String word, Function<String, String> env) {
    return new Run(word, env).process().words;
  }

  private record Output(String result, List<String> words) {}

  /** One pass over one word; mirrors BuildKit's shellWord. */
  private final class Run {
    private final String source;
    private final int[] cps;
    private final Function<String, String> env;
    private int pos;
    private int depth;
    private boolean rawEscapesNow;

    /**
     * Shared by every nested processStopOn call, as in BuildKit: a nested {@code ${a:-b}} resets
     * it, which drops a partly built word in processWords (e.g. {@code x${a:-b}}). Kept so that
     * word splitting agrees with BuildKit.
     */
    private final StringBuilder wordsBuffer = new StringBuilder();

    Run(String source, Function<String, String> env) {
      this.source = source;
      int[] all = source.codePoints().toArray();
      // Go's text/scanner skips a byte-order mark at the very start.
      this.pos = all.length > 0 && all[0] == 0xFEFF ? 1 : 0;
      this.cps = all;
      this.env = env;
      this.rawEscapesNow = rawEscapes;
    }

    Output process() {
      try {
        return processStopOn(EOF, rawEscapes);
      } catch (ExpansionException e) {
        throw new ExpansionException(
            "failed to process " + GoText.quote(source) + ": " + e.getMessage());
      }
    }

    private int peek() {
      return pos < cps.length ? cps[pos] : EOF;
    }

    private int next() {
      int ch = peek();
      if (ch != EOF) {
        pos++;
      }
      return ch;
    }

    private Output processStopOn(int stopChar, boolean raw) {
      if (++depth > MAX_NESTING) {
        throw new ExpansionException("expression nested too deeply");
      }
      boolean saved = rawEscapesNow;
      rawEscapesNow = raw;
      try {
        return scanUntil(stopChar);
      } finally {
        rawEscapesNow = saved;
        depth--;
      }
    }

    private Output scanUntil(int stopChar) {
      StringBuilder result = new StringBuilder();
      wordsBuffer.setLength(0);
      Words words = new Words(wordsBuffer);
      while (peek() != EOF) {
        int ch = peek();
        if (stopChar != EOF && ch == stopChar) {
          next();
          return new Output(result.toString(), words.finish());
        }
        boolean quote = !skipProcessQuotes && (ch == '\'' || ch == '"');
        if (ch == '$' || quote) {
          String tmp =
              ch == '$'
                  ? processDollar()
                  : ch == '\'' ? processSingleQuote() : processDoubleQuote();
          result.append(tmp);
          if (ch == '$') {
            words.addString(tmp);
          } else {
            words.addRawString(tmp);
          }
          continue;
        }
        ch = next();
        if (ch == escapeToken) {
          if (rawEscapesNow) {
            words.addRawChar(ch);
            result.appendCodePoint(ch);
          }
          ch = next();
          if (ch == EOF) {
            break;
          }
          words.addRawChar(ch);
        } else {
          words.addChar(ch);
        }
        result.appendCodePoint(ch);
      }
      if (stopChar != EOF) {
        throw new ExpansionException(
            "unexpected end of statement while looking for matching "
                + Character.toString(stopChar));
      }
      return new Output(result.toString(), words.finish());
    }

    private String processSingleQuote() {
      StringBuilder result = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        result.appendCodePoint(ch);
      }
      while (true) {
        ch = next();
        if (ch == EOF) {
          throw new ExpansionException(
              "unexpected end of statement while looking for matching single-quote");
        }
        if (ch == '\'') {
          if (rawQuotes) {
            result.appendCodePoint(ch);
          }
          return result.toString();
        }
        result.appendCodePoint(ch);
      }
    }

    private String processDoubleQuote() {
      StringBuilder result = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        result.appendCodePoint(ch);
      }
      while (true) {
        int peek = peek();
        if (peek == EOF) {
          throw new ExpansionException(
              "unexpected end of statement while looking for matching double-quote");
        }
        if (peek == '"') {
          ch = next();
          if (rawQuotes) {
            result.appendCodePoint(ch);
          }
          return result.toString();
        }
        if (peek == '$') {
          result.append(processDollar());
          continue;
        }
        ch = next();
        if (ch == escapeToken) {
          if (rawEscapesNow) {
            result.appendCodePoint(ch);
          }
          int after = peek();
          if (after == EOF) {
            continue;
          }
          if (after == '"' || after == '$' || after == escapeToken) {
            ch = next();
          }
        }
        result.appendCodePoint(ch);
      }
    }

    private String processDollar() {
      next();
      if (peek() != '{') {
        String name = processName();
        if (name.isEmpty()) {
          return "$";
        }
        String value = env.apply(name);
        if (value == null && skipUnsetEnv) {
          return "$" + name;
        }
        return value == null ? "" : value;
      }
      next();
      int first = peek();
      if (first == EOF) {
        throw new ExpansionException("syntax error: missing '}'");
      }
      if (first == '{' || first == '}' || first == ':') {
        throw new ExpansionException("syntax error: bad substitution");
      }
      String name = processName();
      int ch = next();
      String chs = runeString(ch);
      if (ch == '}') {
        String value = env.apply(name);
        if (value == null && skipUnsetEnv) {
          return "${" + name + "}";
        }
        return value == null ? "" : value;
      }
      if (ch == ':') {
        ch = next();
        chs += runeString(ch);
        return modifier(name, ch, chs, true);
      }
      if (ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%') {
        return modifier(name, ch, chs, false);
      }
      if (ch == '/') {
        return replacement(name);
      }
      throw unsupported(chs);
    }

    private String modifier(String name, int ch, String chs, boolean nullIsUnset) {
      boolean patternEscapes = ch == '#' || ch == '%';
      if (nullIsUnset && patternEscapes) {
        throw unsupported(chs);
      }
      String word = untilOrMissing('}', patternEscapes, "syntax error: missing '}'");
      String value = env.apply(name);
      boolean set = value != null;
      if (skipUnsetEnv && !set) {
        return "${" + name + chs + word + "}";
      }
      boolean empty = !set || (nullIsUnset && value.isEmpty());
      switch (ch) {
        case '-' -> {
          return empty ? word : value;
        }
        case '+' -> {
          return empty ? "" : word;
        }
        case '?' -> {
          if (!set) {
            throw new ExpansionException(
                name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
          }
          if (nullIsUnset && value.isEmpty()) {
            throw new ExpansionException(
                name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
          }
          return value;
        }
        case '%', '#' -> {
          boolean greedy = !word.isEmpty() && word.charAt(0) == ch;
          String pattern = greedy ? word.substring(1) : word;
          return ch == '%'
              ? ShellPattern.trimSuffix(pattern, value, greedy)
              : ShellPattern.trimPrefix(pattern, value, greedy);
        }
        default -> throw unsupported(chs);
      }
    }

    private String replacement(String name) {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      String pattern = untilOrMissing('/', true, "syntax error: missing '/' in ${}");
      String replacement = untilOrMissing('}', true, "syntax error: missing '}'");
      String value = env.apply(name);
      if (skipUnsetEnv && value == null) {
        return "${" + name + "/" + pattern + "/" + replacement + "}";
      }
      return ShellPattern.replace(value == null ? "" : value, pattern, replacement, all);
    }

    private String untilOrMissing(int stop, boolean raw, String missing) {
      try {
        return processStopOn(stop, raw).result;
      } catch (ExpansionException e) {
        if (peek() == EOF) {
          throw new ExpansionException(missing);
        }
        throw e;
      }
    }

    private ExpansionException unsupported(String chs) {
      return new ExpansionException("unsupported modifier (" + chs + ") in substitution");
    }

    private String processName() {
      StringBuilder name = new StringBuilder();
      while (peek() != EOF) {
        int ch = peek();
        if (name.length() == 0 && Character.isDigit(ch)) {
          while (peek() != EOF && Character.isDigit(peek())) {
            name.appendCodePoint(next());
          }
          return name.toString();
        }
        if (name.length() == 0 && isSpecialParam(ch)) {
          return runeString(next());
        }
        if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
          break;
        }
        name.appendCodePoint(next());
      }
      return name.toString();
    }
  }

  private static boolean isSpecialParam(int ch) {
    return switch (ch) {
      case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
      default -> false;
    };
  }

  /** Go's string(rune): EOF (-1) is not a valid rune and prints as U+FFFD. */
  private static String runeString(int ch) {
    return ch < 0 ? "\uFFFD" : Character.toString(ch);
  }

  /** Word splitting state: spaces from expansions split words, quoted text never does. */
  private static final class Words {
    private final StringBuilder buf;
    private final List<String> words = new ArrayList<>();
    private boolean inWord;

    Words(StringBuilder buf) {
      this.buf = buf;
    }

    void addChar(int ch) {
      boolean space = GoText.isSpace(ch);
      if (space && inWord) {
        if (buf.length() != 0) {
          words.add(buf.toString());
          buf.setLength(0);
          inWord = false;
        }
      } else if (!space) {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      buf.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String s) {
      s.codePoints().forEach(this::addChar);
    }

    void addRawString(String s) {
      buf.append(s);
      inWord = true;
    }

    List<String> finish() {
      if (buf.length() > 0) {
        words.add(buf.toString());
        buf.setLength(0);
        inWord = false;
      }
      return words;
    }
  }
}
