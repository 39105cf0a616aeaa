package dev.layerlab.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of change a bench rebuilds after. Each except {@link #NO_CHANGE} edits one file that
 * the scenario names; the edit is unique per build so that no two builds see the same content.
 */
public enum ChangePattern {
  NO_CHANGE("no-change", "nothing changes: the floor every rebuild is compared with"),
  EDIT_SOURCE("edit-source", "a line is added to a source file"),
  EDIT_DEPS("edit-deps", "a line is added to the dependency manifest"),
  EDIT_CONFIG("edit-config", "a line is added to a configuration file"),
  EDIT_DOCS("edit-docs", "a line is added to a README or documentation file"),
  EDIT_GIT(
      "edit-git", "a new object is written into the .git directory, as a commit or fetch does");

  private final String id;
  private final String description;

  ChangePattern(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public boolean editsAFile() {
    return this != NO_CHANGE;
  }

  public static Optional<ChangePattern> byId(String id) {
    return Arrays.stream(values())
        .filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  public static String knownIds() {
    return Arrays.stream(values()).map(ChangePattern::id).collect(Collectors.joining(", "));
  }
}
