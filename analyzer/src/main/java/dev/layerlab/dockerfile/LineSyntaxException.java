package dev.layerlab.dockerfile;

/** An instruction line that BuildKit's parser rejects; the caller adds file and line. */
final class LineSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  LineSyntaxException(String message) {
    super(message);
  }
}
