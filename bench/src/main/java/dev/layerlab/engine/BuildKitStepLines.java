package dev.layerlab.engine;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Dockerfile line of each step BuildKit printed, and puts the steps in Dockerfile order.
 *
 * <p>BuildKit numbers a stage's steps {@code [i/n]} over the instructions that make a graph vertex:
 * {@code FROM} (not {@code FROM scratch}), {@code RUN}, {@code COPY}, {@code ADD} and {@code
 * WORKDIR}. A {@code WORKDIR /} makes no vertex and takes no number, though it is counted in {@code
 * n} (seen on Docker 20.10.24). So step {@code i} is the i-th of those instructions; when the
 * keyword there differs (a version that numbers differently), the nearest instruction of the step's
 * keyword is taken instead.
 */
public final class BuildKitStepLines {

  private static final Set<String> VERTEX_KEYWORDS = Set.of("RUN", "COPY", "ADD", "WORKDIR");

  private BuildKitStepLines() {}

  /** A step and the 1-based Dockerfile line it came from, 0 when it could not be matched. */
  public record Located(BuildKitProgress.Step step, int line, int stageIndex) {}

  /**
   * Locates every step in {@code dockerfile} and sorts them by line; steps that could not be
   * located keep their printed order after those that could.
   */
  public static List<Located> locate(Dockerfile dockerfile, List<BuildKitProgress.Step> steps) {
    List<Located> located = new ArrayList<>();
    for (BuildKitProgress.Step step : steps) {
      Optional<Stage> stage = stageOf(dockerfile, step.stage());
      int line = stage.map(s -> lineIn(s, step)).orElse(0);
      located.add(new Located(step, line, stage.map(Stage::index).orElse(-1)));
    }
    located.sort(
        Comparator.comparingInt((Located l) -> l.line() == 0 ? Integer.MAX_VALUE : l.line()));
    return List.copyOf(located);
  }

  /** Keeps the printed order: for steps when the Dockerfile could not be read. */
  public static List<Located> unlocated(List<BuildKitProgress.Step> steps) {
    return steps.stream().map(s -> new Located(s, 0, -1)).toList();
  }

  private static Optional<Stage> stageOf(Dockerfile dockerfile, String label) {
    List<Stage> stages = dockerfile.stages();
    if (stages.isEmpty()) {
      return Optional.empty();
    }
    if (label.isEmpty()) {
      return Optional.of(stages.get(stages.size() - 1));
    }
    String wanted = label.toLowerCase(Locale.ROOT);
    for (Stage s : stages) {
      if (s.name().filter(wanted::equals).isPresent()) {
        return Optional.of(s);
      }
    }
    if (wanted.startsWith("stage-")) {
      try {
        int index = Integer.parseInt(wanted.substring(6));
        if (index >= 0 && index < stages.size()) {
          return Optional.of(stages.get(index));
        }
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return stages.size() == 1 ? Optional.of(stages.get(0)) : Optional.empty();
  }

  private static int lineIn(Stage stage, BuildKitProgress.Step step) {
    List<Instruction> numbered = new ArrayList<>();
    if (!stage.baseImage().equalsIgnoreCase("scratch")) {
      numbered.add(stage.from());
    }
    for (Instruction i : stage.body()) {
      if (VERTEX_KEYWORDS.contains(i.keyword()) && !isRootWorkdir(i)) {
        numbered.add(i);
      }
    }
    String keyword = step.keyword();
    int expected = step.position() - 1;
    if (expected >= 0 && expected < numbered.size()) {
      if (numbered.get(expected).keyword().equals(keyword)) {
        return numbered.get(expected).startLine();
      }
    }
    Instruction nearest = null;
    int distance = Integer.MAX_VALUE;
    for (int k = 0; k < numbered.size(); k++) {
      if (numbered.get(k).keyword().equals(keyword) && Math.abs(k - expected) < distance) {
        nearest = numbered.get(k);
        distance = Math.abs(k - expected);
      }
    }
    return nearest == null ? 0 : nearest.startLine();
  }

  private static boolean isRootWorkdir(Instruction i) {
    return i.keyword().equals("WORKDIR") && i.args().size() == 1 && i.args().get(0).equals("/");
  }
}
