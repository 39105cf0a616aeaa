package dev.layerlab.cache;

import dev.layerlab.cache.KeyPart.StageOutput;
import dev.layerlab.cache.MissCause.Kind;
import dev.layerlab.cache.PlannedStep.Outcome;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.dockerfile.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one build's inputs into its steps and their cache keys under one builder's rules: which
 * instructions are steps, what each step's own key holds, and how keys chain. Stage-level
 * bookkeeping lives here; what each instruction contributes is in {@link StepKeys}.
 */
final class Planner {

  /** A planned build: every step in order, and its keys indexed for look-ups. */
  record Plan(
      List<PlannedStep> steps,
      Map<String, PlannedStep> byLookup,
      Map<String, List<PlannedStep>> children,
      Set<String> chainKeys) {

    List<PlannedStep> listed() {
      return steps.stream().filter(PlannedStep::listed).toList();
    }
  }

  /** What a stage wrote where, for {@code COPY --from}. */
  record Write(PlannedStep step, boolean copy, String dest, String key) {}

  /** The running state of one stage while its instructions are planned. */
  static final class StageState {
    final int index;
    final String name;
    final Scope scope;
    final boolean listed;
    String cwd = "/";
    String user = "";
    List<String> shell = List.of("/bin/sh", "-c");
    PlannedStep last;
    final List<Write> writes = new ArrayList<>();

    StageState(int index, String name, Scope scope, boolean listed) {
      this.index = index;
      this.name = name;
      this.scope = scope;
      this.listed = listed;
    }
  }

  private final CacheSemantics semantics;
  private final BuildInputs inputs;
  private final String salt;
  private final List<PlannedStep> steps = new ArrayList<>();
  private final Map<Integer, StageState> stages = new HashMap<>();

  private Planner(CacheSemantics semantics, BuildInputs inputs, String salt) {
    this.semantics = semantics;
    this.inputs = inputs;
    this.salt = salt;
  }

  /**
   * Plans a build. {@code salt} tells builds apart, so a step that is never cached gets a key no
   * other build shares.
   */
  static Plan plan(CacheSemantics semantics, BuildInputs inputs, String salt) {
    return new Planner(semantics, inputs, salt).run();
  }

  private Plan run() {
    Dockerfile df = inputs.dockerfile();
    Scope globalScope = new Scope(df.escapeToken(), Map.of(), inputs.buildArgs());
    StepKeys keys = new StepKeys(semantics, inputs, this);
    for (Instruction arg : df.globalArgs()) {
      arg.args().forEach(globalScope::declareArg);
      if (semantics.isClassic()) {
        keys.globalArg(arg);
      }
    }
    Map<String, String> globals = globalScope.visible();
    int target = targetIndex(df);
    Set<Integer> wanted =
        semantics.isClassic() ? allUpTo(target) : reachable(df, target, globalScope);
    for (Stage stage : df.stages()) {
      if (stage.index() > target) {
        break;
      }
      String name = stage.name().orElse(Integer.toString(stage.index()));
      Scope scope = new Scope(df.escapeToken(), globals, inputs.buildArgs());
      StageState state = new StageState(stage.index(), name, scope, wanted.contains(stage.index()));
      stages.put(stage.index(), state);
      keys.from(state, stage, globalScope.expand(stage.baseImage()));
      for (Instruction in : stage.body()) {
        keys.body(state, in);
      }
    }
    return index();
  }

  private int targetIndex(Dockerfile df) {
    if (df.stages().isEmpty()) {
      throw new IllegalArgumentException(df.sourceName() + ": no FROM, so nothing to build");
    }
    if (inputs.target().isEmpty()) {
      return df.stages().size() - 1;
    }
    String wanted = inputs.target().get();
    return df.stage(wanted)
        .map(Stage::index)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "target stage '" + wanted + "' is not named in " + df.sourceName()));
  }

  private static Set<Integer> allUpTo(int target) {
    Set<Integer> all = new TreeSet<>();
    for (int i = 0; i <= target; i++) {
      all.add(i);
    }
    return all;
  }

  /** BuildKit builds the target and the stages it names through FROM, --from and mounts. */
  private static Set<Integer> reachable(Dockerfile df, int target, Scope globals) {
    Set<Integer> seen = new TreeSet<>();
    Deque<Integer> todo = new ArrayDeque<>(List.of(target));
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (!seen.add(i)) {
        continue;
      }
      Stage stage = df.stages().get(i);
      stageRef(df, globals.expand(stage.baseImage()), i).ifPresent(todo::push);
      for (Instruction in : stage.body()) {
        in.flag("from").flatMap(f -> stageRef(df, f, i)).ifPresent(todo::push);
        for (String mount : in.flagValues("mount")) {
          String from = StepKeys.mountOptions(mount).get("from");
          if (from != null) {
            stageRef(df, from, i).ifPresent(todo::push);
          }
        }
      }
    }
    return seen;
  }

  /** The earlier stage a FROM or --from names (by name, or --from by index), if any. */
  static Optional<Integer> stageRef(Dockerfile df, String ref, int before) {
    Optional<Stage> named = df.stage(ref).filter(s -> s.index() < before);
    if (named.isPresent()) {
      return Optional.of(named.get().index());
    }
    if (ref.matches("\\d{1,6}") && Integer.parseInt(ref) < before) {
      return Optional.of(Integer.parseInt(ref));
    }
    return Optional.empty();
  }

  StageState stage(int index) {
    return stages.get(index);
  }

  String salt() {
    return salt;
  }

  /**
   * Records a step: computes its keys from its parent's and its own parts. A linked copy is looked
   * up by its own parts alone.
   */
  PlannedStep add(
      StageState st,
      Instruction in,
      List<KeyPart> parts,
      PlannedStep parent,
      Outcome outcome,
      Optional<MissCause> note,
      boolean linked,
      boolean listed) {
    StringBuilder own = new StringBuilder(in.keyword());
    for (KeyPart p : parts) {
      own.append('\n').append(p.name()).append('=').append(p.value());
    }
    if (outcome != Outcome.COMPARE) {
      own.append("\nnever-cached=").append(salt).append(':').append(in.startLine());
    }
    String parentKey = parent == null ? "" : parent.chainKey();
    String lookup;
    String chain;
    if (linked) {
      lookup = EntryHeader.sha256("link\n" + own);
      chain = EntryHeader.sha256(parentKey + "\nmerge\n" + lookup);
    } else {
      lookup = EntryHeader.sha256(parentKey + "\n" + own);
      chain = lookup;
    }
    Map<String, String> vars = st == null ? Map.of() : new LinkedHashMap<>(st.scope.visible());
    Set<String> envNames = st == null ? Set.of() : st.scope.envNames();
    PlannedStep step =
        new PlannedStep(
            st == null ? -1 : st.index,
            st == null ? "" : st.name,
            in,
            parts,
            parent,
            lookup,
            chain,
            outcome,
            note,
            listed,
            vars,
            envNames,
            Optional.empty());
    steps.add(step);
    if (st != null) {
      st.last = step;
    }
    return step;
  }

  /** A FROM of another stage: no key of its own, it continues that stage's chain. */
  PlannedStep passThrough(StageState st, Instruction in, PlannedStep sourceLast, String source) {
    PlannedStep step =
        new PlannedStep(
            st.index,
            st.name,
            in,
            List.of(new KeyPart.Text("text", in.original())),
            sourceLast,
            sourceLast.chainKey(),
            sourceLast.chainKey(),
            Outcome.COMPARE,
            Optional.empty(),
            st.listed && semantics.isClassic(),
            Map.of(),
            Set.of(),
            Optional.of(source));
    steps.add(step);
    st.last = step;
    return step;
  }

  private Plan index() {
    Map<String, PlannedStep> byLookup = new HashMap<>();
    Map<String, List<PlannedStep>> children = new HashMap<>();
    Set<String> chains = new java.util.HashSet<>();
    for (PlannedStep s : steps) {
      byLookup.putIfAbsent(s.lookupKey(), s);
      chains.add(s.chainKey());
      String parentKey = s.parent() == null ? "" : s.parent().chainKey();
      if (s.fromStage().isEmpty()) {
        children.computeIfAbsent(parentKey, k -> new ArrayList<>()).add(s);
      }
    }
    return new Plan(List.copyOf(steps), byLookup, children, chains);
  }

  /** The items a {@code COPY --from} of {@code path} depends on in stage {@code st}. */
  static List<StageOutput.Item> outputOf(StageState st, String path) {
    List<Write> writes = st.writes;
    int first = -1;
    for (int k = 0; k < writes.size(); k++) {
      if (writes.get(k).copy() && overlaps(writes.get(k).dest(), path)) {
        first = k;
        break;
      }
    }
    if (first < 0) {
      return List.of(new StageOutput.Item(describe(st.last), st.last.chainKey(), true));
    }
    String base = path.substring(path.lastIndexOf('/') + 1);
    List<StageOutput.Item> items = new ArrayList<>();
    for (int k = first; k < writes.size(); k++) {
      Write w = writes.get(k);
      if (w.copy() && overlaps(w.dest(), path)) {
        items.add(new StageOutput.Item(describe(w.step()), w.key(), false));
      } else if (!w.copy()) {
        items.add(new StageOutput.Item(describe(w.step()), w.key(), true));
      }
    }
    for (int k = 0; k < first; k++) {
      Write w = writes.get(k);
      if (!w.copy() && !base.isEmpty() && w.step().instruction().original().contains(base)) {
        items.add(0, new StageOutput.Item(describe(w.step()), w.key(), true));
      }
    }
    return items;
  }

  static boolean overlaps(String a, String b) {
    return a.equals(b)
        || a.equals("/")
        || b.equals("/")
        || a.startsWith(b + "/")
        || b.startsWith(a + "/");
  }

  static String describe(PlannedStep s) {
    return Sentences.shorten(s.instruction().original()) + " (line " + s.line() + ")";
  }

  static MissCause cause(Kind kind, String subject, String sentence) {
    return new MissCause(kind, subject, sentence);
  }
}
