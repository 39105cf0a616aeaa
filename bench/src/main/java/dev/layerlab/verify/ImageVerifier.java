package dev.layerlab.verify;

import dev.layerlab.advice.Analysis;
import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.ClassicContext;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.scenario.ScratchCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a Dockerfile and its rewrite with the classic builder on a private copy of the context,
 * compares the two images, and removes every image and container it made.
 */
public final class ImageVerifier {

  /** The label every image and container of a verification carries. */
  public static final String RUN_LABEL = "dev.layerlab.run";

  /** The name the Dockerfile gets in the copy when it lives outside the context. */
  static final String OUTSIDE_DOCKERFILE = ".layerlab.Dockerfile";

  /**
   * What to verify.
   *
   * @param contextDir the user's build context; only read
   * @param dockerfile the Dockerfile's path relative to the context, or empty when it lives outside
   *     it
   * @param original the Dockerfile's text
   * @param rewritten the rewrite's text
   * @param ignoreAddition lines the rewrite adds to {@code .dockerignore}
   * @param buildArgs build arguments for both builds
   * @param network the network for {@code RUN} steps
   * @param runId the value of {@link #RUN_LABEL} on everything made
   * @param scratchParent where the copy of the context goes
   * @param addedSteps the dependency-only steps the rewrite adds, whose fetches are expected
   */
  public record Request(
      Path contextDir,
      Optional<String> dockerfile,
      String original,
      String rewritten,
      Optional<String> ignoreAddition,
      Map<String, String> buildArgs,
      String network,
      String runId,
      Path scratchParent,
      List<Analysis.AddedStep> addedSteps) {

    public Request {
      buildArgs = Map.copyOf(buildArgs);
      addedSteps = List.copyOf(addedSteps);
    }

    /** A request for a rewrite that only moves lines. */
    public Request(
        Path contextDir,
        Optional<String> dockerfile,
        String original,
        String rewritten,
        Optional<String> ignoreAddition,
        Map<String, String> buildArgs,
        String network,
        String runId,
        Path scratchParent) {
      this(
          contextDir,
          dockerfile,
          original,
          rewritten,
          ignoreAddition,
          buildArgs,
          network,
          runId,
          scratchParent,
          List.of());
    }
  }

  /**
   * The comparison and what clean-up could not remove.
   *
   * @param leftovers one message per image or container that could not be removed
   */
  public record Result(Comparison comparison, List<String> leftovers) {

    public Result {
      leftovers = List.copyOf(leftovers);
    }
  }

  private final DockerJavaEngine engine;

  public ImageVerifier(DockerJavaEngine engine) {
    this.engine = engine;
  }

  public Result verify(Request request) throws EngineException, IOException, VerifyFailedException {
    Map<String, String> labels = Map.of(RUN_LABEL, request.runId());
    String dockerfile = request.dockerfile().orElse(OUTSIDE_DOCKERFILE);
    List<String> finals = new ArrayList<>();
    try (ScratchCopy scratch =
        ScratchCopy.of(request.contextDir(), request.scratchParent(), "verify")) {
      Path root = scratch.root();
      Files.writeString(root.resolve(dockerfile), request.original(), StandardCharsets.UTF_8);
      List<String> originalPaths = ClassicContext.paths(root, dockerfile);
      String originalImage =
          build(root, originalPaths, dockerfile, request, labels, "original", false);
      finals.add(originalImage);
      // A second build of the original, without the cache, shows which files the build itself
      // does not reproduce; differences there are not the rewrite's doing.
      String originalAgain =
          build(root, originalPaths, dockerfile, request, labels, "original", true);
      finals.add(originalAgain);
      Map<String, FileEntry> originalFiles =
          engine.exportFileSystem(originalImage, labels, FileSystemReader::read);
      List<Difference> noise =
          ImageComparator.compare(
                  originalFiles,
                  engine.exportFileSystem(originalAgain, labels, FileSystemReader::read),
                  engine.imageConfig(originalImage),
                  engine.imageConfig(originalAgain),
                  ExpectedDifferences.none())
              .differences();

      Files.writeString(root.resolve(dockerfile), request.rewritten(), StandardCharsets.UTF_8);
      Set<String> rewrittenFiles = new HashSet<>(Set.of(dockerfile));
      if (request.ignoreAddition().isPresent()) {
        Path ignore = root.resolve(".dockerignore");
        String existing =
            Files.exists(ignore) ? Files.readString(ignore, StandardCharsets.UTF_8) : "";
        Files.writeString(
            ignore, merged(existing, request.ignoreAddition().get()), StandardCharsets.UTF_8);
        rewrittenFiles.add(".dockerignore");
      }
      List<String> rewritePaths = ClassicContext.paths(root, dockerfile);
      String rewriteImage =
          build(root, rewritePaths, dockerfile, request, labels, "rewrite", false);
      finals.add(rewriteImage);

      Set<String> excluded = new LinkedHashSet<>(originalPaths);
      excluded.removeAll(rewritePaths);
      Comparison comparison =
          ImageComparator.compare(
              originalFiles,
              engine.exportFileSystem(rewriteImage, labels, FileSystemReader::read),
              engine.imageConfig(originalImage),
              engine.imageConfig(rewriteImage),
              NotReproducible.from(
                  noise,
                  new FetchedByAddedStep(
                      request.addedSteps(), new ContextExclusions(excluded, rewrittenFiles))));
      return new Result(comparison, cleanUp(finals, request.runId()));
    } catch (EngineException | IOException | VerifyFailedException | RuntimeException e) {
      cleanUp(finals, request.runId());
      throw e;
    }
  }

  /** The user's {@code .dockerignore} with the rewrite's lines after it. */
  public static String merged(String existing, String addition) {
    if (existing.isEmpty()) {
      return addition.endsWith("\n") ? addition : addition + "\n";
    }
    String sep = existing.endsWith("\n") ? "" : "\n";
    String tail = addition.endsWith("\n") ? "" : "\n";
    return existing + sep + addition + tail;
  }

  private String build(
      Path root,
      List<String> paths,
      String dockerfile,
      Request request,
      Map<String, String> labels,
      String which,
      boolean noCache)
      throws EngineException, VerifyFailedException {
    BuildOutcome outcome =
        engine.build(
            new BuildRequest(
                root, paths, dockerfile, request.buildArgs(), labels, noCache, request.network()));
    if (outcome.status() != BuildStatus.OK || outcome.imageId().isEmpty()) {
      throw new VerifyFailedException(
          "the " + which + " Dockerfile failed to build: " + outcome.error());
    }
    return outcome.imageId();
  }

  private List<String> cleanUp(List<String> finals, String runId) {
    List<String> problems = new ArrayList<>();
    try {
      engine.removeContainers(RUN_LABEL, runId);
    } catch (RuntimeException e) {
      problems.add("containers labelled " + RUN_LABEL + "=" + runId + ": " + e.getMessage());
    }
    // The final images carry the run's label, so they are always this run's own.
    Set<String> images = new LinkedHashSet<>(engine.createdImages());
    images.addAll(finals);
    problems.addAll(engine.removeImages(images));
    return problems;
  }
}
