package dev.layerlab.advice;

import dev.layerlab.dockerfile.Heredoc;
import dev.layerlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell script a RUN executes, read well enough for the rules: split into simple commands at
 * {@code &&}, {@code ||}, {@code ;}, {@code |} and line ends outside quotes, and its cache mounts.
 * It is no shell: expansions, subshells and functions are read as plain words.
 */
final class RunScript {

  private final Instruction run;
  private final String text;
  private final List<String> commands;

  private RunScript(Instruction run) {
    this.run = run;
    StringBuilder sb = new StringBuilder(String.join(" ", run.args()));
    for (Heredoc h : run.heredocs()) {
      sb.append('\n').append(h.effectiveContent());
    }
    this.text = sb.toString();
    this.commands = split(text);
  }

  static RunScript of(Instruction run) {
    return new RunScript(run);
  }

  Instruction instruction() {
    return run;
  }

  /** The whole script as one string. */
  String text() {
    return text;
  }

  /** The simple commands, in order, each stripped. */
  List<String> commands() {
    return commands;
  }

  boolean matches(Pattern pattern) {
    return pattern.matcher(text).find();
  }

  boolean anyCommandMatches(Pattern pattern) {
    return commands.stream().anyMatch(c -> pattern.matcher(c).find());
  }

  /** The targets of {@code --mount=type=cache} mounts. */
  List<String> cacheMountTargets() {
    List<String> targets = new ArrayList<>();
    for (String mount : run.flagValues("mount")) {
      Map<String, String> opts = mountOptions(mount);
      if ("cache".equals(opts.get("type"))) {
        String target =
            opts.getOrDefault("target", opts.getOrDefault("dst", opts.get("destination")));
        if (target != null) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /** Whether a cache mount covers {@code path} (the mount is the path or one of its parents). */
  boolean cacheMounted(String path) {
    return cacheMountTargets().stream()
        .map(RunScript::trimSlash)
        .anyMatch(t -> path.equals(t) || path.startsWith(t + "/"));
  }

  static Map<String, String> mountOptions(String mount) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String part : mount.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        opts.put(
            part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
            part.substring(eq + 1).strip());
      } else if (!part.isBlank()) {
        opts.put(part.strip().toLowerCase(java.util.Locale.ROOT), "true");
      }
    }
    return opts;
  }

  /** The words of one simple command, quotes removed. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }

  static String trimSlash(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static List<String> split(String script) {
    String s = script.replace("\\\r\n", " ").replace("\\\n", " ");
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        cur.append(c);
      } else if (c == ';' || c == '\n' || c == '|' || (c == '&' && next(s, i) == '&')) {
        flush(cur, out);
        if ((c == '&' || c == '|') && next(s, i) == c) {
          i++;
        }
      } else if (c == '#'
          && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
        while (i + 1 < s.length() && s.charAt(i + 1) != '\n') {
          i++;
        }
      } else {
        cur.append(c);
      }
    }
    flush(cur, out);
    return List.copyOf(out);
  }

  private static char next(String s, int i) {
    return i + 1 < s.length() ? s.charAt(i + 1) : 0;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    String c = cur.toString().strip();
    if (!c.isEmpty()) {
      out.add(c);
    }
    cur.setLength(0);
  }
}
