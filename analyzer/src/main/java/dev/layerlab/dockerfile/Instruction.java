package dev.layerlab.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instruction as BuildKit's parser sees it, before any variable expansion.
 *
 * @param keyword upper case, e.g. {@code COPY}
 * @param flags raw leading flags, e.g. {@code --from=build}
 * @param args BuildKit's argument values: for COPY/ADD shell form the whitespace-split words
 *     (sources, then destination); for RUN/CMD/ENTRYPOINT shell form the command string; for
 *     ENV/LABEL triples of name, value and "=" ("" for the legacy {@code ENV name value}); for
 *     ONBUILD the trigger keyword followed by the trigger's arguments
 * @param jsonForm whether the arguments were written as a JSON array (exec form)
 * @param original the instruction text with continuation lines joined, as BuildKit keeps it
 * @param startLine 1-based first line
 * @param endLine 1-based last line, continuation lines and heredoc bodies included
 */
public record Instruction(
    String keyword,
    List<String> flags,
    List<String> args,
    boolean jsonForm,
    String original,
    int startLine,
    int endLine,
    List<Heredoc> heredocs) {

  public Instruction {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(original, "original");
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    heredocs = List.copyOf(heredocs);
  }

  /** The value of the first {@code --name=value} flag; "" for a bare {@code --name}. */
  public Optional<String> flag(String name) {
    List<String> values = flagValues(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a repeatable flag such as {@code --mount} or {@code --exclude}, in order. */
  public List<String> flagValues(String name) {
    String bare = "--" + name;
    String prefix = bare + "=";
    return flags.stream()
        .filter(f -> f.equals(bare) || f.startsWith(prefix))
        .map(f -> f.equals(bare) ? "" : f.substring(prefix.length()))
        .toList();
  }

  /** True when the instruction carries heredoc bodies (only RUN, COPY and ADD can). */
  public boolean hasHeredocs() {
    return !heredocs.isEmpty();
  }
}
