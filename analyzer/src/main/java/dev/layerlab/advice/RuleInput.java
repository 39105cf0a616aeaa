package dev.layerlab.advice;

import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule may read.
 *
 * @param dockerfile the parsed Dockerfile
 * @param text the Dockerfile's text
 * @param contextDir the build context, when known, to name only manifests that exist
 * @param snapshot what the build would send from the context, when the context was walked
 * @param builder the builder the user builds with
 */
public record RuleInput(
    Dockerfile dockerfile,
    String text,
    Optional<Path> contextDir,
    Optional<ContextSnapshot> snapshot,
    BuilderKind builder) {

  public RuleInput {
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(contextDir, "contextDir");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(builder, "builder");
  }
}
