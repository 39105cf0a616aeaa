package dev.layerlab.engine;

import java.util.Locale;

/**
 * Watches a build's output for the kernel's "No space left on device" ({@code ENOSPC}). A step that
 * fills the disk usually fails with only its exit code in the builder's error; the line its command
 * printed is what says why, so it is added to the error.
 */
final class NoSpaceWatch {

  static final String ENOSPC = "no space left on device";

  private volatile String line = "";

  /** Reads some of the build's output, one or more lines. */
  void accept(String text) {
    if (!line.isEmpty() || !text.toLowerCase(Locale.ROOT).contains(ENOSPC)) {
      return;
    }
    for (String l : text.split("\n")) {
      if (l.toLowerCase(Locale.ROOT).contains(ENOSPC)) {
        line = l.strip();
        return;
      }
    }
  }

  /** The error, with the line that reported a full disk when the error itself does not say so. */
  String explain(String error) {
    if (line.isEmpty() || error.toLowerCase(Locale.ROOT).contains(ENOSPC)) {
      return error;
    }
    return error + " (the step printed: " + line + ")";
  }
}
