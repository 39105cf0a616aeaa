package dev.layerlab.run;

import dev.layerlab.advice.Advisor;
import dev.layerlab.advice.Analysis;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.dockerfile.Instruction;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A variant to build: a declared Dockerfile, or one layerlab wrote from a rewrite so that the
 * rewrite's saving is measured rather than claimed.
 *
 * @param name the variant's name
 * @param dockerfile the Dockerfile's path relative to the context
 * @param generatedText the Dockerfile's text when layerlab wrote it, else empty
 */
record VariantPlan(String name, String dockerfile, Optional<String> generatedText) {

  static final String REWRITTEN_SUFFIX = "-rewritten";

  /** The variants to build and what the rules said about each, in scenario order. */
  record Plans(List<VariantPlan> variants, List<VariantAdvice> advice) {}

  static Plans of(Scenario scenario, List<String> selected) throws ScenarioException {
    Map<String, Parsed> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : scenario.variants().entrySet()) {
      parsed.put(v.getKey(), parse(scenario.directory().resolve(v.getValue()), v.getValue()));
    }
    List<VariantPlan> plans = new ArrayList<>();
    List<VariantAdvice> advice = new ArrayList<>();
    for (String name : selected) {
      Parsed p = parsed.get(name);
      String dockerfile = scenario.variants().get(name);
      plans.add(new VariantPlan(name, dockerfile, Optional.empty()));
      Analysis analysis = Advisor.analyze(p.dockerfile, p.text, Optional.of(scenario.directory()));
      Optional<String> measuredAs = Optional.empty();
      if (analysis.rewritten().isPresent()) {
        String text = analysis.rewritten().get();
        Parsed rewritten = parseText(text, dockerfile + " (rewritten)");
        for (Map.Entry<String, Parsed> other : parsed.entrySet()) {
          if (sameInstructions(rewritten.dockerfile, other.getValue().dockerfile)) {
            measuredAs = Optional.of(other.getKey());
            break;
          }
        }
        if (measuredAs.isEmpty()) {
          String generated = name + REWRITTEN_SUFFIX;
          plans.add(
              new VariantPlan(
                  generated, "Dockerfile.layerlab" + REWRITTEN_SUFFIX, Optional.of(text)));
          measuredAs = Optional.of(generated);
        } else if (!selected.contains(measuredAs.get())) {
          String twin = measuredAs.get();
          plans.add(new VariantPlan(twin, scenario.variants().get(twin), Optional.empty()));
        }
      }
      advice.add(
          new VariantAdvice(
              name,
              dockerfile,
              analysis.findings(),
              analysis.rewritten(),
              analysis.edits(),
              measuredAs));
    }
    return new Plans(dedupe(plans), advice);
  }

  /** Writes a generated Dockerfile into a scratch copy; declared ones are already there. */
  void materialise(Path root) throws IOException {
    if (generatedText.isPresent()) {
      Files.writeString(root.resolve(dockerfile), generatedText.get(), StandardCharsets.UTF_8);
    }
  }

  private static boolean sameInstructions(Dockerfile a, Dockerfile b) {
    List<Instruction> x = a.instructions();
    List<Instruction> y = b.instructions();
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      Instruction p = x.get(i);
      Instruction q = y.get(i);
      if (!p.keyword().equals(q.keyword())
          || !p.flags().equals(q.flags())
          || !p.args().equals(q.args())
          || p.jsonForm() != q.jsonForm()
          || !p.heredocs().equals(q.heredocs())) {
        return false;
      }
    }
    return true;
  }

  private static List<VariantPlan> dedupe(List<VariantPlan> plans) {
    Map<String, VariantPlan> byName = new LinkedHashMap<>();
    plans.forEach(p -> byName.putIfAbsent(p.name(), p));
    return List.copyOf(byName.values());
  }

  private record Parsed(Dockerfile dockerfile, String text) {}

  private static Parsed parse(Path file, String name) throws ScenarioException {
    try {
      Dockerfile dockerfile = DockerfileParser.parse(file);
      return new Parsed(dockerfile, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (DockerfileException e) {
      throw new ScenarioException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Parsed parseText(String text, String name) throws ScenarioException {
    try {
      return new Parsed(DockerfileParser.parse(text, name), text);
    } catch (DockerfileException e) {
      throw new ScenarioException(e.getMessage(), e);
    }
  }
}
