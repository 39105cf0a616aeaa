package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LL003: an ARG, ENV or LABEL whose value changes on every build (a version, a commit, a date)
 * declared early in a stage, so every later step that its value reaches misses the cache.
 */
final class VolatileValueRule extends CatalogRule {

  private static final Pattern VOLATILE_NAME =
      Pattern.compile(
          "^(?:[A-Z0-9]+_)*(?:COMMIT|COMMIT_SHA|GIT_SHA|GIT_COMMIT|SHA|REVISION|GIT_REV|BUILD_DATE"
              + "|BUILD_TIME|BUILD_TIMESTAMP|TIMESTAMP|BUILD_NUMBER|BUILD_ID|CI_PIPELINE_ID|RUN_ID)$"
              + "|^(?:VERSION|APP_VERSION|BUILD_VERSION|IMAGE_VERSION|RELEASE_VERSION|PROJECT_VERSION"
              + "|GIT_VERSION|RELEASE|GIT_TAG|IMAGE_TAG)$");

  private static final Pattern VOLATILE_LABEL =
      Pattern.compile("(?:^|\\.)(?:revision|created|version|build-date)$");

  VolatileValueRule() {
    super(
        "LL003",
        Severity.WARNING,
        "a value that changes on every build is declared early",
        "Build arguments and environment values are part of later steps' cache keys: a changed"
            + " ARG value re-runs every later RUN of its stage (both builders), a changed ENV"
            + " value every later RUN on BuildKit and every later step on the classic builder,"
            + " and on the classic builder a changed LABEL every later step too. A version,"
            + " commit or build date passed in with --build-arg therefore rebuilds everything"
            + " below its declaration on every build, dependency installs included.",
        "Declare the ARG (and the ENV or LABEL that uses it) as late as possible: just before the"
            + " step that needs it, or at the end of the stage.",
        "ARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n"
            + "RUN pip install -r requirements.txt");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      checkStage(input, stage, findings);
    }
    return findings;
  }

  private void checkStage(RuleInput input, Stage stage, List<Finding> findings) {
    Dockerfile df = input.dockerfile();
    boolean classic = input.builder() == BuilderKind.CLASSIC;
    List<Instruction> body = stage.body();
    Set<String> volatileArgs = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Instruction ins = body.get(i);
      List<String> names = volatileNames(ins, volatileArgs);
      if (names.isEmpty()) {
        continue;
      }
      if (ins.keyword().equals("ARG")) {
        volatileArgs.addAll(names);
      }
      boolean everyStep = classic && !ins.keyword().equals("ARG");
      if (ins.keyword().equals("LABEL") && !classic) {
        continue;
      }
      List<Instruction> busted = new ArrayList<>();
      boolean early = false;
      for (Instruction later : body.subList(i + 1, body.size())) {
        boolean costly =
            later.keyword().equals("RUN")
                || (everyStep && Set.of("COPY", "ADD", "WORKDIR").contains(later.keyword()));
        if (!costly) {
          continue;
        }
        busted.add(later);
        if (names.stream().noneMatch(n -> uses(later, n))) {
          early = true;
        }
      }
      if (busted.isEmpty() || !early) {
        continue;
      }
      String what = ins.keyword() + " " + String.join(", ", names);
      String steps = everyStep ? "every later step" : "every later RUN";
      String message =
          what
              + " (line "
              + ins.startLine()
              + ") takes a new value on every build, so "
              + steps
              + " in this stage runs again: "
              + list(busted);
      String fix =
          "move "
              + what
              + " down to just before the first step that uses it, or to the end of the stage";
      findings.add(finding(df, ins, message, fix));
    }
  }

  /** The names this instruction declares whose value changes per build. */
  private static List<String> volatileNames(Instruction ins, Set<String> volatileArgs) {
    List<String> names = new ArrayList<>();
    switch (ins.keyword()) {
      case "ARG" -> {
        for (String a : ins.args()) {
          String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
          if (VOLATILE_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()) {
            names.add(name);
          }
        }
      }
      case "ENV", "LABEL" -> {
        List<String> a = ins.args();
        for (int k = 0; k + 1 < a.size(); k += 3) {
          String name = a.get(k);
          String value = a.get(k + 1);
          boolean fromVariable = value.contains("$");
          boolean volatileValue =
              volatileArgs.stream().anyMatch(v -> references(value, v))
                  || (fromVariable
                      && (VOLATILE_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()
                          || (ins.keyword().equals("LABEL")
                              && VOLATILE_LABEL.matcher(name).find())));
          if (volatileValue) {
            names.add(name);
          }
        }
      }
      default -> {}
    }
    return names;
  }

  private static boolean uses(Instruction later, String name) {
    StringBuilder text = new StringBuilder(later.original());
    later.heredocs().forEach(h -> text.append('\n').append(h.content()));
    return references(text.toString(), name);
  }

  private static boolean references(String text, String name) {
    return Pattern.compile("\\$\\{?" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
        .matcher(text)
        .find();
  }

  static String list(List<Instruction> steps) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < steps.size() && k < 3; k++) {
      parts.add("line " + steps.get(k).startLine() + " `" + words(steps.get(k)) + "`");
    }
    String s = String.join(", ", parts);
    return steps.size() > 3 ? s + " and " + (steps.size() - 3) + " more" : s;
  }
}
