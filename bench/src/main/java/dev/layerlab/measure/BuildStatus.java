package dev.layerlab.measure;

/** How a build ended. */
public enum BuildStatus {
  OK,
  FAILED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
