package dev.layerlab.layers;

import dev.layerlab.measure.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names the build step that made each layer of an image, from the image's history and the steps the
 * builder reported.
 *
 * <p>Both builders record one history entry per instruction of the final stage, in order, after the
 * base image's entries; entries that made no layer are flagged. The classic builder writes {@code
 * /bin/sh -c #(nop) COPY ...} for a non-RUN instruction and {@code /bin/sh -c ...} (or {@code |1
 * ARG=v /bin/sh -c ...}) for a RUN; BuildKit writes the instruction itself ({@code COPY . . #
 * buildkit}, {@code RUN /bin/sh -c ...}). So the final stage's steps are matched to history entries
 * from the newest back, by instruction keyword; the entries left before the first match are the
 * base image's.
 */
public final class LayerSteps {

  private static final Set<String> KEYWORDS =
      Set.of(
          "ADD",
          "ARG",
          "CMD",
          "COPY",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "ONBUILD",
          "RUN",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");
  private static final int MAX_TEXT = 80;

  private LayerSteps() {}

  /**
   * One sentence per layer, bottom first: {@code line 7: COPY . .} for a layer a step of this build
   * made, {@code base image: <command>} for the base image's layers.
   *
   * @param layers how many layers the image has
   * @param history the image's history, oldest first
   * @param steps the build's steps, in the order the builder reported them
   */
  public static List<String> describe(
      int layers, List<SavedImage.HistoryEntry> history, List<StepRecord> steps) {
    String[] stepOf = new String[history.size()];
    int firstMatched = history.size();
    int cursor = history.size() - 1;
    List<StepRecord> last = lastStage(steps);
    for (int s = last.size() - 1; s >= 0 && cursor >= 0; s--) {
      StepRecord step = last.get(s);
      String keyword = keyword(step.instruction());
      for (int h = cursor; h >= 0; h--) {
        if (keyword.equals(historyKeyword(history.get(h).createdBy()))) {
          stepOf[h] =
              (step.line() > 0 ? "line " + step.line() + ": " : "") + brief(step.instruction());
          firstMatched = h;
          cursor = h - 1;
          break;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int h = 0; h < history.size(); h++) {
      if (history.get(h).emptyLayer()) {
        continue;
      }
      String made = brief(history.get(h).createdBy());
      names.add(stepOf[h] != null ? stepOf[h] : (h < firstMatched ? "base image: " : "") + made);
    }
    if (names.size() != layers) {
      // A history that does not account for every layer cannot say which made which.
      names.clear();
      for (int i = 1; i <= layers; i++) {
        names.add("layer " + i);
      }
    }
    return names;
  }

  /** The steps after the last {@code FROM}: those that made the image's own layers. */
  private static List<StepRecord> lastStage(List<StepRecord> steps) {
    int from = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (keyword(steps.get(i).instruction()).equals("FROM")) {
        from = i;
      }
    }
    return steps.subList(from + 1, steps.size()).stream()
        .filter(s -> !s.instruction().startsWith("LABEL dev.layerlab."))
        .toList();
  }

  static String keyword(String instruction) {
    String text = instruction.strip();
    int space = text.indexOf(' ');
    return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  /** The instruction keyword a history entry's {@code created_by} stands for. */
  static String historyKeyword(String createdBy) {
    String text = createdBy.strip();
    int nop = text.indexOf("#(nop)");
    if (nop >= 0) {
      return keyword(text.substring(nop + "#(nop)".length()));
    }
    if (text.startsWith("|") || text.startsWith("/bin/sh -c") || text.startsWith("cmd /S /C")) {
      return "RUN";
    }
    String first = keyword(text);
    return KEYWORDS.contains(first) ? first : "";
  }

  private static String brief(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.endsWith("# buildkit")) {
      t = t.substring(0, t.length() - "# buildkit".length()).strip();
    }
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT - 1) + "…" : t;
  }
}
