package dev.layerlab.dockerfile;

/**
 * A word could not be expanded: unbalanced quotes or braces, a bad {@code ${...}} form, or a {@code
 * ${name?message}} whose variable is unset. Unchecked so that expansion can be used in lambdas;
 * callers that report to users turn it into a {@link DockerfileException} with a line.
 */
public final class ExpansionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ExpansionException(String message) {
    super(message);
  }
}
