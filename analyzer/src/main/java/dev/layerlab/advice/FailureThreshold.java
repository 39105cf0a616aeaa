package dev.layerlab.advice;

import java.util.Locale;
import java.util.Optional;

/** The least severe finding that fails a check; {@code NONE} never fails. */
public enum FailureThreshold {
  INFO,
  WARNING,
  ERROR,
  NONE;

  /** Whether a finding of this severity fails the check. */
  public boolean fails(Severity severity) {
    return switch (this) {
      case NONE -> false;
      case INFO -> true;
      case WARNING -> severity != Severity.INFO;
      case ERROR -> severity == Severity.ERROR;
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The threshold a label names, any case. */
  public static Optional<FailureThreshold> fromLabel(String label) {
    for (FailureThreshold t : values()) {
      if (t.label().equalsIgnoreCase(label.strip())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
