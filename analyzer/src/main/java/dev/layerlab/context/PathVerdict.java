package dev.layerlab.context;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.Optional;

/**
 * Whether one path reaches the build, and why: the deciding ignore line, and, when the line lets
 * the path in but the client never looks inside its excluded parent, which parent that is.
 *
 * @param path the path asked about, cleaned and relative to the context root
 * @param onDisk whether it exists in the context directory
 * @param sent whether the snapshot holds it
 * @param decision the last line that decided about it or a parent; empty when none matched
 * @param unvisitedParent the excluded directory the walk did not enter, when that is why a
 *     re-included path is not sent
 */
public record PathVerdict(
    String path,
    boolean onDisk,
    boolean sent,
    Optional<IgnoreDecision> decision,
    Optional<String> unvisitedParent) {

  /** Judges {@code path} (relative, {@code /}-separated) against a snapshot and its rules. */
  public static PathVerdict of(ContextSnapshot snapshot, IgnoreRules rules, String path) {
    String clean = GoPaths.clean(path.replace('\\', '/'));
    while (clean.startsWith("/")) {
      clean = clean.substring(1);
    }
    boolean onDisk =
        !clean.isEmpty()
            && !clean.equals(".")
            && !clean.startsWith("../")
            && Files.exists(snapshot.root().resolve(clean), LinkOption.NOFOLLOW_LINKS);
    boolean sent = snapshot.entry(clean).isPresent();
    Optional<IgnoreDecision> decision = rules.explain(clean);
    Optional<String> unvisited = Optional.empty();
    if (onDisk && !sent && !rules.excludes(clean)) {
      for (int slash = clean.indexOf('/'); slash > 0; slash = clean.indexOf('/', slash + 1)) {
        String parent = clean.substring(0, slash);
        if (rules.excludes(parent)) {
          unvisited = Optional.of(parent);
          break;
        }
      }
    }
    return new PathVerdict(clean, onDisk, sent, decision, unvisited);
  }
}
