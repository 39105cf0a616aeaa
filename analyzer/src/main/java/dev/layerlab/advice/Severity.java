package dev.layerlab.advice;

import java.util.Locale;
import java.util.Optional;

/** How much a finding costs a team, from a style note to a rebuild of everything. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity a label names ({@code info}, {@code warning}, {@code error}), any case. */
  public static Optional<Severity> fromLabel(String label) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(label.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
