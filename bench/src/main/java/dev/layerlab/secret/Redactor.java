package dev.layerlab.secret;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.StartupRecord;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.VariantAdvice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces the values of secret build arguments with {@code [redacted NAME]} wherever text leaves
 * layerlab: report files, the results store, event lines and error messages that echo the engine's
 * output.
 *
 * <p>An argument is secret when its name contains {@code TOKEN}, {@code PASSWORD}, {@code SECRET}
 * or {@code KEY} (any case), or when the user marks it so. Its value is replaced wherever it
 * occurs, not only where layerlab put it: a build step that echoes it, or an error that quotes it,
 * is covered too.
 */
public final class Redactor {

  private static final List<String> SECRET_WORDS = List.of("TOKEN", "PASSWORD", "SECRET", "KEY");
  private static final Redactor NONE = new Redactor(Map.of());

  /** Secret value to the text that replaces it; longest values first, so none is half-replaced. */
  private final Map<String, String> replacements;

  private Redactor(Map<String, String> replacements) {
    this.replacements = replacements;
  }

  /** A redactor that changes nothing: for runs without build arguments. */
  public static Redactor none() {
    return NONE;
  }

  /**
   * The redactor for a run's build arguments.
   *
   * @param args every build argument name and value the run passes to builds or containers
   * @param markedSecret names the user declared secret, whatever they look like
   */
  public static Redactor of(Map<String, String> args, Collection<String> markedSecret) {
    Set<String> marked = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    marked.addAll(markedSecret);
    Map<String, String> found = new LinkedHashMap<>();
    for (Map.Entry<String, String> arg : args.entrySet()) {
      String value = arg.getValue();
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (looksSecret(arg.getKey()) || marked.contains(arg.getKey())) {
        found.putIfAbsent(value, "[redacted " + arg.getKey() + "]");
      }
    }
    List<String> values = new ArrayList<>(found.keySet());
    values.sort(Comparator.comparingInt(String::length).reversed());
    Map<String, String> ordered = new LinkedHashMap<>();
    values.forEach(v -> ordered.put(v, found.get(v)));
    return new Redactor(java.util.Collections.unmodifiableMap(ordered));
  }

  /** Whether a build argument's name says it holds a secret. */
  public static boolean looksSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(upper::contains);
  }

  /** Whether this redactor has anything to hide. */
  public boolean isActive() {
    return !replacements.isEmpty();
  }

  /** The text with every secret value replaced. */
  public String apply(String text) {
    if (text == null || replacements.isEmpty()) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      if (out.contains(r.getKey())) {
        out = out.replace(r.getKey(), r.getValue());
      }
    }
    return out;
  }

  public StepRecord apply(StepRecord s) {
    return new StepRecord(
        s.index(),
        apply(s.instruction()),
        s.line(),
        s.cached(),
        s.seconds(),
        s.layerBytes(),
        apply(s.imageId()),
        s.engineSeconds());
  }

  public BuildRecord apply(BuildRecord b) {
    if (!isActive()) {
      return b;
    }
    return new BuildRecord(
        apply(b.variant()),
        apply(b.change()),
        apply(b.builder()),
        b.repetition(),
        b.seconds(),
        b.contextBytes(),
        b.imageBytes(),
        apply(b.imageId()),
        b.status(),
        apply(b.error()),
        b.steps().stream().map(this::apply).toList());
  }

  public StartupRecord apply(StartupRecord s) {
    if (!isActive()) {
      return s;
    }
    return new StartupRecord(
        apply(s.mode()), s.repetition(), s.seconds(), s.status(), apply(s.error()));
  }

  public VariantAdvice apply(VariantAdvice a) {
    if (!isActive()) {
      return a;
    }
    return new VariantAdvice(
        a.variant(),
        apply(a.dockerfile()),
        a.findings().stream()
            .map(
                f ->
                    new dev.layerlab.advice.Finding(
                        f.ruleId(),
                        f.severity(),
                        apply(f.file()),
                        f.line(),
                        apply(f.message()),
                        apply(f.fix())))
            .toList(),
        a.rewritten().map(this::apply),
        a.edits().stream().map(this::apply).toList(),
        a.measuredAs());
  }

  /** The run with every text field redacted; numbers and statuses are left as they are. */
  public RunResult apply(RunResult run) {
    if (!isActive()) {
      return run;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    run.environment().forEach((k, v) -> environment.put(k, apply(v)));
    return new RunResult(
        run.runId(),
        run.scenario(),
        run.startedAt(),
        environment,
        run.builds().stream().map(this::apply).toList(),
        run.startups().stream().map(this::apply).toList(),
        run.advice().stream().map(this::apply).toList(),
        run.predictions().stream().map(this::apply).toList(),
        run.images().stream().map(this::apply).toList(),
        run.complete());
  }

  public dev.layerlab.measure.ImageEfficiency apply(dev.layerlab.measure.ImageEfficiency i) {
    if (!isActive()) {
      return i;
    }
    return new dev.layerlab.measure.ImageEfficiency(
        apply(i.variant()),
        apply(i.builder()),
        apply(i.imageId()),
        i.layers(),
        i.totalBytes(),
        i.wastedBytes(),
        i.efficiencyPercent(),
        i.analysisSeconds(),
        i.topWasted().stream()
            .map(
                w ->
                    new dev.layerlab.measure.WastedPath(
                        apply(w.path()),
                        w.bytes(),
                        w.writtenLayer(),
                        apply(w.writtenBy()),
                        w.removedLayer(),
                        apply(w.removedBy()),
                        w.how()))
            .toList());
  }

  private dev.layerlab.measure.PredictionRecord apply(dev.layerlab.measure.PredictionRecord p) {
    return new dev.layerlab.measure.PredictionRecord(
        p.variant(),
        p.change(),
        p.builder(),
        p.repetition(),
        p.line(),
        apply(p.instruction()),
        p.predictedHit(),
        p.observedHit(),
        apply(p.cause()));
  }
}
