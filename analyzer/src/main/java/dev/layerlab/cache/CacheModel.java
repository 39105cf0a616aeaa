package dev.layerlab.cache;

import dev.layerlab.cache.MissCause.Kind;
import dev.layerlab.cache.PlannedStep.Outcome;
import dev.layerlab.cache.Planner.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The entry point: predicts, step by step, which steps of the next build come from the cache left
 * by the last build, and why the others do not.
 */
public final class CacheModel {

  private CacheModel() {}

  /**
   * Predicts the next build against the last one.
   *
   * @return one prediction per step the builder reports, in its order
   * @throws IllegalArgumentException when the target stage does not exist
   */
  public static List<StepPrediction> predict(
      CacheSemantics semantics, BuildInputs previous, BuildInputs next) {
    Map<String, String> digests = commonDigests(previous, next);
    Plan before =
        Planner.plan(semantics, previous.withBaseImageDigests(keep(previous, digests)), "previous");
    Plan after = Planner.plan(semantics, next.withBaseImageDigests(keep(next, digests)), "next");
    return dependsOnTheBuild(fromIsReused(new Comparison(before, after).run()));
  }

  /**
   * What a step reads from the context.
   *
   * @param stage the stage's index
   * @param line the instruction's first line
   * @param instruction the instruction as written
   * @param paths the context paths it reads, sorted
   */
  public record ContextRead(int stage, int line, String instruction, SortedSet<String> paths) {
    public ContextRead {
      paths = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(paths));
    }
  }

  /**
   * The context paths each COPY, ADD or bind mount of a build reads, as the cache key sees them
   * (variables expanded, wildcards matched, directories taken whole), in step order. Steps that
   * read nothing from the context are left out.
   */
  public static List<ContextRead> contextReads(CacheSemantics semantics, BuildInputs inputs) {
    List<ContextRead> reads = new ArrayList<>();
    for (PlannedStep s : Planner.plan(semantics, inputs, "reads").steps()) {
      SortedSet<String> paths = new TreeSet<>();
      for (KeyPart part : s.parts()) {
        if (part instanceof KeyPart.Files files) {
          paths.addAll(files.files().keySet());
        }
      }
      if (!paths.isEmpty()) {
        reads.add(new ContextRead(s.stage(), s.line(), s.instruction().original(), paths));
      }
    }
    return List.copyOf(reads);
  }

  /** Predicts a build with no earlier build to reuse: every step misses. */
  public static List<StepPrediction> predictFirstBuild(CacheSemantics semantics, BuildInputs next) {
    Plan after = Planner.plan(semantics, next, "next");
    List<StepPrediction> out = new ArrayList<>();
    for (PlannedStep s : after.listed()) {
      MissCause cause =
          s.outcome() == Outcome.COMPARE
              ? new MissCause(
                  Kind.NO_PREVIOUS_BUILD,
                  "",
                  Sentences.step(s) + " misses because there is no earlier build to reuse")
              : s.note().orElseThrow();
      out.add(prediction(s, false, Optional.of(cause)));
    }
    return fromIsReused(out);
  }

  /**
   * A hit that only the build can confirm (a remote file that may have changed) makes every later
   * hit of its stage conditional too: each is built on top of it, so if the build finds the remote
   * file changed, they all run again. They are marked so, naming the step they hang on.
   */
  private static List<StepPrediction> dependsOnTheBuild(List<StepPrediction> steps) {
    List<StepPrediction> out = new ArrayList<>(steps);
    int stage = -1;
    StepPrediction unsure = null;
    for (int i = 0; i < out.size(); i++) {
      StepPrediction p = out.get(i);
      if (p.stage() != stage) {
        stage = p.stage();
        unsure = null;
      }
      if (p.hit() && p.kind().filter(k -> k == Kind.CHECKED_AT_BUILD).isPresent()) {
        unsure = unsure == null ? p : unsure;
        continue;
      }
      if (unsure != null && p.hit() && p.cause().isEmpty()) {
        out.set(
            i,
            new StepPrediction(
                p.stage(),
                p.stageName(),
                p.line(),
                p.instruction(),
                true,
                Optional.of(
                    new MissCause(
                        Kind.CHECKED_AT_BUILD,
                        unsure.instruction(),
                        p.instruction()
                            + " (line "
                            + p.line()
                            + ") hits only if "
                            + unsure.instruction()
                            + " (line "
                            + unsure.line()
                            + ") does, which is"
                            + " checked at build time"))));
      }
    }
    return List.copyOf(out);
  }

  /**
   * A {@code FROM} step runs nothing: both builders take the base image as it is and report the
   * step as reused (BuildKit prints it CACHED, the classic builder prints the image id), whether or
   * not the image changed. What a changed base image costs shows in the steps after it, so its
   * cause moves to the first of them.
   */
  private static List<StepPrediction> fromIsReused(List<StepPrediction> steps) {
    List<StepPrediction> out = new ArrayList<>(steps);
    for (int i = 0; i < out.size(); i++) {
      StepPrediction p = out.get(i);
      if (!p.instruction().regionMatches(true, 0, "FROM ", 0, 5) || p.hit()) {
        continue;
      }
      out.set(
          i,
          new StepPrediction(
              p.stage(), p.stageName(), p.line(), p.instruction(), true, Optional.empty()));
      Optional<MissCause> moved = p.cause().filter(c -> c.kind() != Kind.NO_PREVIOUS_BUILD);
      if (moved.isEmpty() || i + 1 >= out.size()) {
        continue;
      }
      StepPrediction next = out.get(i + 1);
      if (next.stage() == p.stage()
          && !next.hit()
          && next.kind().filter(k -> k == Kind.PARENT_MISSED).isPresent()) {
        MissCause c = moved.get();
        String sentence = c.sentence();
        int because = sentence.indexOf(" misses because ");
        String reason = because < 0 ? sentence : sentence.substring(because + 16);
        out.set(
            i + 1,
            new StepPrediction(
                next.stage(),
                next.stageName(),
                next.line(),
                next.instruction(),
                false,
                Optional.of(
                    new MissCause(
                        c.kind(),
                        c.subject(),
                        next.instruction()
                            + " (line "
                            + next.line()
                            + ") misses because "
                            + reason))));
      }
    }
    return List.copyOf(out);
  }

  /**
   * A digest counts only when both builds know it: an image whose digest one side does not know is
   * taken as unchanged rather than as changed.
   */
  private static Map<String, String> commonDigests(BuildInputs a, BuildInputs b) {
    Map<String, String> both = new HashMap<>();
    a.baseImageDigests()
        .forEach(
            (image, digest) -> {
              if (b.baseImageDigests().containsKey(image)) {
                both.put(image, digest);
              }
            });
    return both;
  }

  private static Map<String, String> keep(BuildInputs in, Map<String, String> common) {
    Map<String, String> out = new HashMap<>();
    common.keySet().forEach(k -> out.put(k, in.baseImageDigests().get(k)));
    return out;
  }

  static StepPrediction prediction(PlannedStep s, boolean hit, Optional<MissCause> cause) {
    return new StepPrediction(
        Math.max(s.stage(), 0),
        s.stage() < 0 ? "global" : s.stageName(),
        s.line(),
        s.instruction().original().strip(),
        hit,
        cause);
  }

  /** Compares the next plan's keys with the last plan's, aligning steps to name causes. */
  private static final class Comparison {
    private final Plan before;
    private final Plan after;
    private final Map<PlannedStep, Optional<PlannedStep>> aligned = new IdentityHashMap<>();

    Comparison(Plan before, Plan after) {
      this.before = before;
      this.after = after;
    }

    List<StepPrediction> run() {
      List<StepPrediction> out = new ArrayList<>();
      PlannedStep failed = null;
      for (PlannedStep s : after.listed()) {
        if (failed != null) {
          out.add(
              prediction(
                  s,
                  false,
                  Optional.of(
                      new MissCause(
                          Kind.BUILD_FAILS,
                          "line " + failed.line(),
                          Sentences.step(s)
                              + " is not reached: the build fails at line "
                              + failed.line()))));
          continue;
        }
        switch (s.outcome()) {
          case FAILS -> {
            failed = s;
            out.add(prediction(s, false, s.note()));
          }
          case ALWAYS_MISS -> out.add(prediction(s, false, s.note()));
          case COMPARE -> {
            boolean hit = isHit(s);
            out.add(prediction(s, hit, hit ? s.note() : Optional.of(explain(s))));
          }
        }
      }
      return List.copyOf(out);
    }

    private boolean isHit(PlannedStep s) {
      return before.byLookup().containsKey(s.lookupKey());
    }

    private MissCause explain(PlannedStep s) {
      if (s.fromStage().isPresent()) {
        String stage = s.fromStage().get();
        return new MissCause(
            Kind.PARENT_MISSED,
            stage,
            Sentences.step(s) + " misses because stage " + stage + " rebuilt");
      }
      Optional<PlannedStep> old = align(s);
      boolean parentHit = s.parent() == null || before.chainKeys().contains(s.parent().chainKey());
      if (old.isPresent()) {
        Optional<MissCause> own = CauseFinder.firstDifference(s, old.get(), before);
        if (own.isPresent()) {
          return own.get();
        }
      } else if (parentHit) {
        return new MissCause(
            Kind.INSTRUCTION_CHANGED,
            "line " + s.line(),
            Sentences.step(s) + " misses because it is new or moved since the last build");
      }
      return parentMissed(s);
    }

    private static MissCause parentMissed(PlannedStep s) {
      PlannedStep p = s.parent();
      return new MissCause(
          Kind.PARENT_MISSED,
          p == null ? "" : "line " + p.line(),
          Sentences.step(s) + " misses because its parent missed");
    }

    /**
     * The last build's step this one corresponds to: the same key if it hit, else the most similar
     * child of the step aligned with its parent (same instruction keyword, preferably the same
     * text, then the nearest line).
     */
    private Optional<PlannedStep> align(PlannedStep s) {
      Optional<PlannedStep> known = aligned.get(s);
      if (known != null) {
        return known;
      }
      Optional<PlannedStep> result;
      PlannedStep same = before.byLookup().get(s.lookupKey());
      if (same != null) {
        result = Optional.of(same);
      } else if (s.parent() == null) {
        result = best(s, before.children().getOrDefault("", List.of()), true);
      } else {
        result =
            align(s.parent())
                .flatMap(
                    p -> best(s, before.children().getOrDefault(p.chainKey(), List.of()), false));
      }
      aligned.put(s, result);
      return result;
    }

    private static Optional<PlannedStep> best(
        PlannedStep s, List<PlannedStep> candidates, boolean root) {
      PlannedStep best = null;
      int bestScore = Integer.MIN_VALUE;
      for (PlannedStep c : candidates) {
        if (!c.keyword().equals(s.keyword()) || (root && c.stage() < 0)) {
          continue;
        }
        int score = -Math.abs(c.line() - s.line());
        if (c.part("text").map(KeyPart::value).equals(s.part("text").map(KeyPart::value))) {
          score += 1_000_000;
        }
        if (root && c.stageName().equals(s.stageName())) {
          score += 2_000_000;
        }
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      return Optional.ofNullable(best);
    }
  }
}
