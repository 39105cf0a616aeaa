package dev.layerlab.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: directives, the ARGs before the first FROM, and the stages.
 *
 * @param sourceName the file name used in messages
 * @param globalArgs ARG instructions before the first FROM
 */
public record Dockerfile(
    String sourceName,
    List<Directive> directives,
    List<Instruction> globalArgs,
    List<Stage> stages,
    List<ParseWarning> warnings) {

  public Dockerfile {
    Objects.requireNonNull(sourceName, "sourceName");
    directives = List.copyOf(directives);
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
    warnings = List.copyOf(warnings);
  }

  /** All instructions in file order: global ARGs, then each stage's FROM and body. */
  public List<Instruction> instructions() {
    List<Instruction> all = new ArrayList<>(globalArgs);
    for (Stage stage : stages) {
      all.add(stage.from());
      all.addAll(stage.body());
    }
    return List.copyOf(all);
  }

  /** The value of a parser directive such as {@code syntax} or {@code check}. */
  public Optional<String> directive(String name) {
    return directives.stream().filter(d -> d.name().equals(name)).map(Directive::value).findFirst();
  }

  /** The escape character in effect: a backtick when the escape directive says so. */
  public char escapeToken() {
    return directive("escape").map(v -> v.charAt(0)).orElse('\\');
  }

  /** The stage a name refers to, matched case-insensitively as BuildKit does. */
  public Optional<Stage> stage(String name) {
    String wanted = GoText.toLower(name);
    return stages.stream().filter(s -> s.name().filter(wanted::equals).isPresent()).findFirst();
  }
}
