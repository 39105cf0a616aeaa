package dev.layerlab.run;

import dev.layerlab.advice.Advisor;
import dev.layerlab.advice.Analysis;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.ClassicContext;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.EngineInfo;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.RewriteVerification;
import dev.layerlab.measure.RunResult;
import dev.layerlab.measure.VariantAdvice;
import dev.layerlab.scenario.Scenario;
import dev.layerlab.scenario.ScratchCopy;
import dev.layerlab.verify.Comparison;
import dev.layerlab.verify.ContextExclusions;
import dev.layerlab.verify.Difference;
import dev.layerlab.verify.ExpectedDifferences;
import dev.layerlab.verify.FetchedByAddedStep;
import dev.layerlab.verify.FileEntry;
import dev.layerlab.verify.FileSystemReader;
import dev.layerlab.verify.ImageComparator;
import dev.layerlab.verify.NotReproducible;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * After the timed builds, checks that each measured rewrite builds the same image as the Dockerfile
 * it rewrites, so that the report never presents a saving as proven when it is not. It compares the
 * original's cold image with the cold image of the variant that measured the rewrite, and builds
 * the original once more without the cache to learn which files the build itself does not
 * reproduce; that build is not a cell and is timed by nothing. It needs the classic builder's
 * images (the file systems are read through its engine); otherwise the advice says the rewrite was
 * not verified in this run and how to verify it.
 */
final class RewriteCheck {

  /** How many unexpected differences the report keeps. */
  static final int SHOWN = 10;

  private static final String HOW =
      "run `layerlab rewrite DOCKERFILE --verify` to compare the images";

  private final DockerJavaEngine engine;
  private final String builder;
  private final BenchListener listener;
  private final Consumer<List<String>> created;
  private final List<BuildRecord> coldBuilds;

  private RewriteCheck(
      DockerJavaEngine engine,
      String builder,
      BenchListener listener,
      Consumer<List<String>> created,
      List<BuildRecord> coldBuilds) {
    this.engine = engine;
    this.builder = builder;
    this.listener = listener;
    this.created = created;
    this.coldBuilds = coldBuilds;
  }

  /**
   * The run with each rewrite's verification in its advice.
   *
   * @param created receives every image the check builds, for the run's clean-up
   * @param coldBuilds the builds whose images stand for each variant's cold image in this run: its
   *     cold builds, and in a resumed run the warm-up builds that replaced removed ones
   */
  static RunResult verifyAll(
      Map<Engine, EngineInfo> engines,
      BenchListener listener,
      Consumer<List<String>> created,
      List<BuildRecord> coldBuilds,
      RunResult result,
      Scenario scenario,
      BenchOptions options,
      List<VariantPlan> plans,
      Map<String, String> labels,
      Map<String, String> buildArgs) {
    Optional<RewriteCheck> check = Optional.empty();
    for (Map.Entry<Engine, EngineInfo> e : engines.entrySet()) {
      if (e.getKey() instanceof DockerJavaEngine classic) {
        check =
            Optional.of(
                new RewriteCheck(
                    classic, e.getValue().builder(), listener, created, List.copyOf(coldBuilds)));
        break;
      }
    }
    List<VariantAdvice> advice = new ArrayList<>();
    for (VariantAdvice a : result.advice()) {
      if (a.rewritten().isEmpty() || a.measuredAs().isEmpty()) {
        advice.add(a);
        continue;
      }
      RewriteVerification v =
          check.isPresent()
              ? check.get().verify(a, result, scenario, options, plans, labels, buildArgs)
              : RewriteVerification.notVerified(
                  "not verified in this run: only the classic builder's images are compared, and"
                      + " it did not build in this run; "
                      + HOW);
      advice.add(a.withVerification(v));
    }
    return result.withAdvice(advice);
  }

  private RewriteVerification verify(
      VariantAdvice a,
      RunResult result,
      Scenario scenario,
      BenchOptions options,
      List<VariantPlan> plans,
      Map<String, String> labels,
      Map<String, String> buildArgs) {
    String twin = a.measuredAs().get();
    Optional<String> original = coldImage(a.variant());
    Optional<String> rewrite = coldImage(twin);
    if (original.isEmpty() || rewrite.isEmpty()) {
      return RewriteVerification.notVerified(
          "not verified in this run: it has no cold "
              + builder
              + " build of both "
              + a.variant()
              + " and "
              + twin
              + " (a shard or a failed build left one out); "
              + HOW);
    }
    listener.on(
        new BenchEvent.Note(
            "verifying the rewrite of "
                + a.variant()
                + " (measured as "
                + twin
                + "): one more uncached build of "
                + a.variant()
                + ", not timed, then the images compared"));
    try {
      Optional<String> again = buildAgain(a, scenario, options, labels, buildArgs);
      if (again.isEmpty()) {
        return RewriteVerification.notVerified(
            "not verified in this run: the second, uncached build of "
                + a.variant()
                + " failed; "
                + HOW);
      }
      Map<String, FileEntry> originalFiles = files(original.get(), labels);
      List<Difference> noise =
          ImageComparator.compare(
                  originalFiles,
                  files(again.get(), labels),
                  engine.imageConfig(original.get()),
                  engine.imageConfig(again.get()),
                  ExpectedDifferences.none())
              .differences();
      Set<String> generated =
          plans.stream()
              .filter(p -> p.name().equals(twin) && p.generatedText().isPresent())
              .map(VariantPlan::dockerfile)
              .collect(java.util.stream.Collectors.toSet());
      Comparison c =
          ImageComparator.compare(
              originalFiles,
              files(rewrite.get(), labels),
              engine.imageConfig(original.get()),
              engine.imageConfig(rewrite.get()),
              NotReproducible.from(
                  noise,
                  new FetchedByAddedStep(
                      addedSteps(scenario, a), new ContextExclusions(Set.of(), generated))));
      RewriteVerification v = verdict(c, builder);
      listener.on(
          new BenchEvent.Note(
              "rewrite of "
                  + a.variant()
                  + ": "
                  + (v.verified()
                      ? "verified, the same image (" + c.filesCompared() + " files compared)"
                      : v.differenceCount() + " unexpected difference(s) from the original")));
      return v;
    } catch (EngineException | IOException | RuntimeException e) {
      return RewriteVerification.notVerified(
          "not verified in this run: the images could not be compared ("
              + e.getMessage()
              + "); "
              + HOW);
    }
  }

  /** The outcome of a comparison, as the report keeps it. */
  static RewriteVerification verdict(Comparison c, String builder) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (Difference d : c.expected()) {
      expected.merge(d.expectedBecause(), 1, Integer::sum);
    }
    List<Difference> unexpected = c.unexpected();
    return new RewriteVerification(
        unexpected.isEmpty() ? RewriteVerification.VERIFIED : RewriteVerification.DIFFERS,
        builder,
        c.filesCompared(),
        expected,
        unexpected.stream().limit(SHOWN).map(Difference::oneLine).toList(),
        unexpected.size(),
        unexpected.isEmpty()
            ? "the original's and the rewrite's cold images are the same"
            : "the rewrite builds a different image: its saving is measured, not proven safe");
  }

  /**
   * The image standing for the variant's cold build in this run. A cold build kept from before a
   * resumption is not one: its image was removed, and the warm-up that replaced it is listed.
   */
  private Optional<String> coldImage(String variant) {
    return coldBuilds.stream()
        .filter(
            b ->
                b.variant().equals(variant)
                    && b.builder().equals(builder)
                    && b.status() == BuildStatus.OK
                    && !b.imageId().isEmpty())
        .map(BuildRecord::imageId)
        .findFirst();
  }

  private Optional<String> buildAgain(
      VariantAdvice a,
      Scenario scenario,
      BenchOptions options,
      Map<String, String> labels,
      Map<String, String> buildArgs)
      throws EngineException, IOException {
    String dockerfile = a.dockerfile();
    Map<String, String> withVariant = new LinkedHashMap<>(labels);
    withVariant.put("dev.layerlab.variant", a.variant());
    try (ScratchCopy scratch =
        ScratchCopy.of(
            scenario.directory(),
            options.scratchDir(),
            scenario.name() + "-verify-" + a.variant())) {
      BuildOutcome outcome =
          engine.build(
              new BuildRequest(
                  scratch.root(),
                  ClassicContext.paths(scratch.root(), dockerfile),
                  dockerfile,
                  buildArgs,
                  withVariant,
                  true,
                  options.network(),
                  options.buildTimeout()));
      List<String> made = new ArrayList<>(outcome.createdImages());
      if (!outcome.imageId().isEmpty()) {
        made.add(outcome.imageId());
      }
      created.accept(made);
      return outcome.status() == BuildStatus.OK && !outcome.imageId().isEmpty()
          ? Optional.of(outcome.imageId())
          : Optional.empty();
    }
  }

  private Map<String, FileEntry> files(String image, Map<String, String> labels)
      throws EngineException {
    return engine.exportFileSystem(image, labels, FileSystemReader::read);
  }

  /** The dependency-only steps the rewrite adds, read again from the scenario's Dockerfile. */
  private static List<Analysis.AddedStep> addedSteps(Scenario scenario, VariantAdvice a)
      throws IOException {
    Path file = scenario.directory().resolve(a.dockerfile());
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Advisor.analyze(
              DockerfileParser.parse(text, a.dockerfile()), text, Optional.of(scenario.directory()))
          .addedSteps();
    } catch (DockerfileException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
