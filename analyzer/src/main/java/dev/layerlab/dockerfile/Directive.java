package dev.layerlab.dockerfile;

import java.util.Objects;

/**
 * A parser directive at the top of the file, e.g. {@code # syntax=docker/dockerfile:1}.
 *
 * @param name lower-cased: {@code syntax}, {@code escape} or {@code check}
 * @param value the text after "=", surrounding whitespace removed
 * @param line 1-based
 */
public record Directive(String name, String value, int line) {

  public Directive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
