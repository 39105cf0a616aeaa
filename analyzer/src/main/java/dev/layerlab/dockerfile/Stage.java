package dev.layerlab.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index 0-based position among the stages
 * @param name the {@code AS} name, lower-cased as BuildKit does
 * @param baseImage the image text after FROM, unexpanded (may name an earlier stage)
 */
public record Stage(
    int index, Optional<String> name, Instruction from, String baseImage, List<Instruction> body) {

  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(baseImage, "baseImage");
    body = List.copyOf(body);
  }
}
