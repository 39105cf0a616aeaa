package dev.layerlab.advice;

/** How much a finding costs a team, from a style note to a rebuild of everything. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
