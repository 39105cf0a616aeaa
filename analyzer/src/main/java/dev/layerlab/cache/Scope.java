package dev.layerlab.cache;

import dev.layerlab.dockerfile.ExpansionException;
import dev.layerlab.dockerfile.ShellLexer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one stage as both builders expand them: ENV values shadow ARG values, a global
 * ARG is visible only after the stage declares it again, and a {@code --build-arg} overrides an
 * ARG's default.
 */
final class Scope {

  /** Values BuildKit fills in for platform arguments; equal in both builds, so any will do. */
  private static final Map<String, String> AUTOMATIC =
      Map.of(
          "TARGETPLATFORM", "linux/amd64",
          "TARGETOS", "linux",
          "TARGETARCH", "amd64",
          "TARGETVARIANT", "",
          "BUILDPLATFORM", "linux/amd64",
          "BUILDOS", "linux",
          "BUILDARCH", "amd64",
          "BUILDVARIANT", "");

  private final ShellLexer lexer;
  private final Map<String, String> globals;
  private final Map<String, String> buildArgs;
  private final Map<String, String> args = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();

  Scope(char escape, Map<String, String> globals, Map<String, String> buildArgs) {
    this.lexer = new ShellLexer(escape);
    this.globals = globals;
    this.buildArgs = buildArgs;
  }

  String lookup(String name) {
    if (env.containsKey(name)) {
      return env.get(name);
    }
    return args.get(name);
  }

  /** Expands a word; a word the lexer rejects is kept as written (the build would fail). */
  String expand(String word) {
    try {
      return lexer.processWord(word, this::lookup);
    } catch (ExpansionException e) {
      return word;
    }
  }

  /** Declares {@code name} or {@code name=default}; returns the name. */
  String declareArg(String word) {
    int eq = word.indexOf('=');
    String name = eq < 0 ? word : word.substring(0, eq);
    String value;
    if (buildArgs.containsKey(name)) {
      value = buildArgs.get(name);
    } else if (eq >= 0) {
      value = expand(word.substring(eq + 1));
    } else if (globals.get(name) != null) {
      value = globals.get(name);
    } else {
      value = AUTOMATIC.get(name);
    }
    args.put(name, value);
    return name;
  }

  void setEnv(String name, String value) {
    env.put(name, value);
  }

  /** ARGs declared in the stage that have a value, in declaration order. */
  Map<String, String> argsWithValues() {
    Map<String, String> out = new LinkedHashMap<>();
    args.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  Map<String, String> env() {
    return env;
  }

  /** Every variable with a value, ENV winning over ARG. */
  Map<String, String> visible() {
    Map<String, String> out = new LinkedHashMap<>(argsWithValues());
    out.putAll(env);
    return out;
  }

  Set<String> envNames() {
    return new HashSet<>(env.keySet());
  }
}
