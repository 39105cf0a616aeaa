package dev.layerlab.verify;

/** One of the two builds failed, so there are no images to compare. */
public final class VerifyFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public VerifyFailedException(String message) {
    super(message);
  }
}
