package dev.layerlab.context;

/** A pattern Docker's matcher rejects; carries Go's reason so the user sees what is wrong. */
final class BadPatternException extends Exception {

  BadPatternException(String message) {
    super(message);
  }
}
