package dev.layerlab.run;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import dev.layerlab.dockerfile.Instruction;
import java.util.Optional;

/**
 * Tells a Dockerfile that only BuildKit can build, so that a bench on the classic builder skips it
 * with a note instead of failing the run: the classic builder rejects {@code RUN --mount}.
 */
final class BuildKitOnly {

  /** The environment entry of a run result that lists the variants skipped, and why. */
  static final String SKIPPED_KEY = "skipped";

  private BuildKitOnly() {}

  /** Why the classic builder cannot build this Dockerfile, or empty when it can. */
  static Optional<String> reason(String text, String name) {
    Dockerfile dockerfile;
    try {
      dockerfile = DockerfileParser.parse(text, name);
    } catch (DockerfileException e) {
      return Optional.empty(); // the build itself reports a Dockerfile it cannot read
    }
    for (Instruction in : dockerfile.instructions()) {
      if (in.keyword().equals("RUN") && !in.flagValues("mount").isEmpty()) {
        return Optional.of("RUN --mount (" + name + " line " + in.startLine() + ") needs BuildKit");
      }
    }
    return Optional.empty();
  }
}
