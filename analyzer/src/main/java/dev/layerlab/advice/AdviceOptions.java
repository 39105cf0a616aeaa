package dev.layerlab.advice;

import dev.layerlab.context.ContextSnapshot;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to run the rules: what is known about the context, which builder, and what the user's
 * configuration turns off or re-grades.
 *
 * @param contextDir the build context, when known
 * @param snapshot the context as the build would send it, when walked (enables LL002)
 * @param builder the builder the user builds with
 * @param ignored rule ids not to report
 * @param severities severities that replace the rules' own
 */
public record AdviceOptions(
    Optional<Path> contextDir,
    Optional<ContextSnapshot> snapshot,
    BuilderKind builder,
    Set<String> ignored,
    Map<String, Severity> severities) {

  public AdviceOptions {
    Objects.requireNonNull(contextDir, "contextDir");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(builder, "builder");
    ignored = Set.copyOf(ignored);
    severities = Map.copyOf(severities);
  }

  /** The classic builder, no configuration, the context (if any) not walked. */
  public static AdviceOptions defaults(Optional<Path> contextDir) {
    return new AdviceOptions(contextDir, Optional.empty(), BuilderKind.CLASSIC, Set.of(), Map.of());
  }

  public AdviceOptions withSnapshot(ContextSnapshot value) {
    return new AdviceOptions(contextDir, Optional.of(value), builder, ignored, severities);
  }

  public AdviceOptions withBuilder(BuilderKind value) {
    return new AdviceOptions(contextDir, snapshot, value, ignored, severities);
  }

  public AdviceOptions withConfig(AdviceConfig config) {
    return new AdviceOptions(contextDir, snapshot, builder, config.ignore(), config.severity());
  }
}
