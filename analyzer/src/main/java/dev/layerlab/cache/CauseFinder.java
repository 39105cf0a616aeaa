package dev.layerlab.cache;

import dev.layerlab.cache.KeyPart.Files;
import dev.layerlab.cache.KeyPart.StageOutput;
import dev.layerlab.cache.KeyPart.Text;
import dev.layerlab.cache.KeyPart.Vars;
import dev.layerlab.cache.MissCause.Kind;
import dev.layerlab.cache.Planner.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the first part of a step's own key that differs from the last build's step. */
final class CauseFinder {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

  private CauseFinder() {}

  static Optional<MissCause> firstDifference(PlannedStep now, PlannedStep then, Plan before) {
    for (KeyPart part : now.parts()) {
      Optional<KeyPart> old = then.part(part.name());
      if (old.isPresent() && old.get().value().equals(part.value())) {
        continue;
      }
      if (old.isEmpty() || old.get().getClass() != part.getClass()) {
        return Optional.of(edited(now, then));
      }
      return Optional.of(describe(now, then, part, old.get(), before));
    }
    return Optional.empty();
  }

  private static MissCause describe(
      PlannedStep now, PlannedStep then, KeyPart part, KeyPart old, Plan before) {
    String step = Sentences.step(now);
    if (part instanceof Files f) {
      return files(step, f, (Files) old);
    }
    if (part instanceof Vars v) {
      return vars(step, now, v, (Vars) old);
    }
    if (part instanceof StageOutput o) {
      return stageOutput(step, o, (StageOutput) old, before);
    }
    Text t = (Text) part;
    return switch (t.name()) {
      case "text" -> edited(now, then);
      case "image" ->
          new MissCause(
              Kind.BASE_IMAGE_CHANGED,
              now.part("expanded").map(KeyPart::value).orElse(t.value()),
              step + " misses because the base image now has digest " + t.value());
      case "expanded", "destination" -> variable(now, then).orElse(edited(now, then));
      case "user", "cwd", "shell" -> {
        String which = t.name().equals("cwd") ? "WORKDIR" : t.name().toUpperCase();
        yield new MissCause(
            Kind.INSTRUCTION_CHANGED,
            which,
            step
                + " misses because "
                + which
                + " changed from '"
                + old.value()
                + "' to '"
                + t.value()
                + "'");
      }
      default -> edited(now, then);
    };
  }

  private static MissCause edited(PlannedStep now, PlannedStep then) {
    return new MissCause(
        Kind.INSTRUCTION_CHANGED,
        "line " + now.line(),
        Sentences.step(now)
            + " misses because the instruction changed (was: "
            + Sentences.shorten(then.instruction().original())
            + ")");
  }

  /** A variable the instruction refers to whose value differs. */
  private static Optional<MissCause> variable(PlannedStep now, PlannedStep then) {
    Matcher m = VARIABLE.matcher(now.instruction().original());
    while (m.find()) {
      String name = m.group(1);
      if (!Objects.equals(now.vars().get(name), then.vars().get(name))) {
        return Optional.of(
            varCause(Sentences.step(now), name, !now.envNames().contains(name), " (used here)"));
      }
    }
    return Optional.empty();
  }

  private static MissCause vars(String step, PlannedStep now, Vars v, Vars old) {
    Set<String> names = new TreeSet<>(v.vars().keySet());
    names.addAll(old.vars().keySet());
    for (String name : names) {
      if (!Objects.equals(v.vars().get(name), old.vars().get(name))) {
        boolean arg =
            v.fromArgs().contains(name)
                || (!v.vars().containsKey(name) && old.fromArgs().contains(name));
        String why =
            v.name().equals("args")
                ? " (the classic builder keys every RUN after an ARG on that ARG's value)"
                : " (BuildKit keys every RUN on its whole environment)";
        return varCause(step, name, arg, why);
      }
    }
    return new MissCause(Kind.ENV_CHANGED, "", step + " misses because its environment changed");
  }

  private static MissCause varCause(String step, String name, boolean arg, String why) {
    return arg
        ? new MissCause(
            Kind.BUILD_ARG_CHANGED,
            name,
            step + " misses because build argument " + name + " changed" + why)
        : new MissCause(
            Kind.ENV_CHANGED, name, step + " misses because ENV " + name + " changed" + why);
  }

  private static MissCause files(String step, Files now, Files then) {
    List<MissCause> found = new ArrayList<>();
    Set<String> paths = new TreeSet<>(now.files().keySet());
    paths.addAll(then.files().keySet());
    for (String path : paths) {
      FileFacts a = now.files().get(path);
      FileFacts b = then.files().get(path);
      if (b == null) {
        found.add(
            new MissCause(Kind.FILE_ADDED, path, step + " misses because " + path + " was added"));
      } else if (a == null) {
        found.add(
            new MissCause(
                Kind.FILE_REMOVED, path, step + " misses because " + path + " was removed"));
      } else if (!a.sameContent(b) || a.size() != b.size()) {
        found.add(
            new MissCause(Kind.FILE_CHANGED, path, step + " misses because " + path + " changed"));
      } else if (a.mode() != b.mode()) {
        found.add(
            new MissCause(
                Kind.MODE_CHANGED,
                path,
                step
                    + " misses because the permissions of "
                    + path
                    + " changed from "
                    + Integer.toOctalString(b.mode())
                    + " to "
                    + Integer.toOctalString(a.mode())
                    + " (same content)"));
      }
    }
    if (found.isEmpty()) {
      return new MissCause(
          Kind.FILE_CHANGED, "", step + " misses because the files it copies changed");
    }
    MissCause first = prefer(found);
    if (found.size() == 1) {
      return first;
    }
    int others = found.size() - 1;
    return new MissCause(
        first.kind(),
        first.subject(),
        first.sentence() + " (and " + others + " more path" + (others == 1 ? "" : "s") + ")");
  }

  /** A content change names the step's cause better than the directories around it. */
  private static MissCause prefer(List<MissCause> found) {
    for (MissCause c : found) {
      if (c.kind() != Kind.MODE_CHANGED) {
        return c;
      }
    }
    return found.get(0);
  }

  private static MissCause stageOutput(
      String step, StageOutput now, StageOutput then, Plan before) {
    for (StageOutput.Item item : now.items()) {
      boolean same = then.items().stream().anyMatch(i -> i.key().equals(item.key()));
      if (same) {
        continue;
      }
      String how =
          item.rerun()
              ? " re-runs "
                  + item.label()
                  + ", which may change what is copied; the cache is reused"
                  + " only if the files come out identical, which only the build shows"
              : " copies other files in " + item.label();
      return new MissCause(
          Kind.SOURCE_STAGE_CHANGED,
          now.stage(),
          step + " misses because stage " + now.stage() + how);
    }
    return new MissCause(
        Kind.SOURCE_STAGE_CHANGED,
        now.stage(),
        step + " misses because stage " + now.stage() + " produces different files");
  }
}
