package dev.layerlab.cache;

import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.dockerfile.Dockerfile;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a build's cache keys are made from, as seen before the build.
 *
 * @param dockerfile the parsed Dockerfile
 * @param context what the builder receives from the context directory (ignore rules applied)
 * @param buildArgs {@code --build-arg} values
 * @param baseImageDigests image reference as written after expansion (e.g. {@code
 *     python:3.11-slim}) to its digest; a missing entry means unknown, not changed
 * @param noCache whether {@code --no-cache} is given
 * @param target the {@code --target} stage; empty means the last stage
 */
public record BuildInputs(
    Dockerfile dockerfile,
    ContextSnapshot context,
    Map<String, String> buildArgs,
    Map<String, String> baseImageDigests,
    boolean noCache,
    Optional<String> target) {

  public BuildInputs {
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(context, "context");
    buildArgs = Map.copyOf(buildArgs);
    baseImageDigests = Map.copyOf(baseImageDigests);
    Objects.requireNonNull(target, "target");
  }

  /** The inputs of a plain {@code docker build}: no build args, no digests, cache on. */
  public static BuildInputs of(Dockerfile dockerfile, ContextSnapshot context) {
    return new BuildInputs(dockerfile, context, Map.of(), Map.of(), false, Optional.empty());
  }

  public BuildInputs withBuildArgs(Map<String, String> args) {
    return new BuildInputs(dockerfile, context, args, baseImageDigests, noCache, target);
  }

  public BuildInputs withContext(ContextSnapshot snapshot) {
    return new BuildInputs(dockerfile, snapshot, buildArgs, baseImageDigests, noCache, target);
  }

  public BuildInputs withNoCache(boolean on) {
    return new BuildInputs(dockerfile, context, buildArgs, baseImageDigests, on, target);
  }

  public BuildInputs withTarget(String stage) {
    return new BuildInputs(
        dockerfile, context, buildArgs, baseImageDigests, noCache, Optional.of(stage));
  }

  public BuildInputs withBaseImageDigests(Map<String, String> digests) {
    return new BuildInputs(dockerfile, context, buildArgs, digests, noCache, target);
  }
}
