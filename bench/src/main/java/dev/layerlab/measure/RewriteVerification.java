package dev.layerlab.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a bench run proved that a rewrite builds the same image as the Dockerfile it rewrites:
 * the original's cold image and the cold image of the variant that measured the rewrite, compared
 * file by file and in their start-up configuration, with a second uncached build of the original
 * showing what the build itself does not reproduce. Made after the timed builds, never between
 * them.
 *
 * @param status {@code verified}, {@code differs} or {@code not-verified}
 * @param builder the builder whose images were compared; empty when not verified
 * @param filesCompared file system entries of the two images together
 * @param expected the expected differences, counted by reason
 * @param differences the unexpected differences (the first few), one line each
 * @param differenceCount how many unexpected differences there were
 * @param note why it was not verified, or what it means
 */
public record RewriteVerification(
    String status,
    String builder,
    int filesCompared,
    Map<String, Integer> expected,
    List<String> differences,
    int differenceCount,
    String note) {

  public static final String VERIFIED = "verified";
  public static final String DIFFERS = "differs";
  public static final String NOT_VERIFIED = "not-verified";

  public RewriteVerification {
    // Largest group first, then by reason: the same order however the map was built or read.
    Map<String, Integer> ordered = new LinkedHashMap<>();
    if (expected != null) {
      expected.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    }
    expected = Collections.unmodifiableMap(ordered);
    differences = differences == null ? List.of() : List.copyOf(differences);
    builder = builder == null ? "" : builder;
    note = note == null ? "" : note;
  }

  /** Not verified in this run, and why. */
  public static RewriteVerification notVerified(String why) {
    return new RewriteVerification(NOT_VERIFIED, "", 0, Map.of(), List.of(), 0, why);
  }

  public boolean verified() {
    return VERIFIED.equals(status);
  }
}
