package dev.layerlab.dockerfile;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks BuildKit's instruction layer makes after parsing that layerlab's model depends on:
 * known instruction names, argument counts, ONBUILD triggers, heredoc destinations, stage names.
 * Messages are BuildKit's, so users can search for them.
 */
final class InstructionRules {

  private static final Set<String> EXACTLY_ONE =
      Set.of("MAINTAINER", "WORKDIR", "USER", "STOPSIGNAL");

  private static final Set<String> AT_LEAST_ONE =
      Set.of("ENV", "LABEL", "ONBUILD", "HEALTHCHECK", "EXPOSE", "VOLUME", "ARG");

  /**
   * Instructions that declare no flags at all in BuildKit, so any flag is an error there. The
   * others (FROM, RUN, COPY, ADD, HEALTHCHECK) gain flags between releases and are not checked.
   */
  private static final Set<String> NO_FLAGS =
      Set.of(
          "MAINTAINER",
          "ENV",
          "LABEL",
          "EXPOSE",
          "USER",
          "WORKDIR",
          "VOLUME",
          "STOPSIGNAL",
          "ARG",
          "CMD",
          "ENTRYPOINT",
          "SHELL",
          "ONBUILD");

  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

  private InstructionRules() {}

  /** Returns what is wrong with the instruction, or null. */
  static String check(Instruction in, String writtenKeyword) {
    String keyword = in.keyword();
    List<String> args = in.args();
    if (!LineParsers.isKnownInstruction(GoText.toLower(keyword))) {
      return "unknown instruction: " + writtenKeyword;
    }
    if (NO_FLAGS.contains(keyword) && !in.flags().isEmpty()) {
      String flag = in.flags().get(0);
      int eq = flag.indexOf('=');
      return "unknown flag: " + (eq < 0 ? flag : flag.substring(0, eq));
    }
    if (EXACTLY_ONE.contains(keyword) && args.size() != 1) {
      return keyword + " requires exactly one argument";
    }
    if (AT_LEAST_ONE.contains(keyword) && args.isEmpty()) {
      return keyword + " requires at least one argument";
    }
    return switch (keyword) {
      case "COPY", "ADD" -> checkCopy(in);
      case "ONBUILD" -> checkTrigger(args.get(0));
      case "FROM" -> checkFrom(args);
      case "SHELL" -> in.jsonForm() ? null : "SHELL requires the arguments to be in JSON form";
      default -> null;
    };
  }

  private static String checkCopy(Instruction in) {
    List<String> args = in.args();
    if (args.size() < 2) {
      return in.keyword()
          + " requires at least two arguments, but only one was provided."
          + " Destination could not be determined";
    }
    if (!in.jsonForm() && HeredocWords.parseLenient(args.get(args.size() - 1)).isPresent()) {
      return in.keyword() + " cannot accept a heredoc as a destination";
    }
    return null;
  }

  private static String checkTrigger(String trigger) {
    String upper = GoText.toUpper(GoText.trimSpace(trigger));
    return switch (upper) {
      case "ONBUILD" -> "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
      case "MAINTAINER", "FROM" -> upper + " isn't allowed as an ONBUILD trigger";
      default -> null;
    };
  }

  private static String checkFrom(List<String> args) {
    if (args.size() != 1 && args.size() != 3) {
      return "FROM requires either one or three arguments";
    }
    if (args.size() == 3) {
      if (!args.get(1).equalsIgnoreCase("as")) {
        return "FROM requires either one or three arguments (the second one must be AS)";
      }
      String name = GoText.toLower(args.get(2));
      if (!STAGE_NAME.matcher(name).matches()) {
        return "invalid name for build stage: "
            + GoText.quote(args.get(2))
            + ", name can't start with a number or contain symbols";
      }
    }
    return null;
  }
}
