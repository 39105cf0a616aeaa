package dev.layerlab.dockerfile;

import java.util.Objects;

/** Something BuildKit accepts but warns about, such as an empty line inside a continuation. */
public record ParseWarning(int line, String message) {

  public ParseWarning {
    Objects.requireNonNull(message, "message");
  }
}
