package dev.layerlab.report;

import dev.layerlab.measure.RewriteVerification;
import dev.layerlab.measure.VariantAdvice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a report says about whether a rewrite was verified to build the same image, in the same
 * words on every page. Only a comparison that found nothing unexpected is called verified; a run
 * that did not compare the images says so and how to do it.
 */
final class VerificationText {

  private VerificationText() {}

  /** One sentence (Markdown code spans) to print beside the rewrite's measured saving. */
  static String sentence(VariantAdvice a) {
    if (a.verification().isEmpty()) {
      return "Not verified in this run: run `layerlab rewrite "
          + a.dockerfile()
          + " --verify` to prove the rewrite builds the same image.";
    }
    RewriteVerification v = a.verification().get();
    if (v.verified()) {
      return "Verified: the rewrite builds the same image as `"
          + a.variant()
          + "` ("
          + v.builder()
          + " builder, "
          + v.filesCompared()
          + " files compared"
          + (v.expected().isEmpty() ? ", no differences" : "; expected differences: " + expected(v))
          + ").";
    }
    if (RewriteVerification.DIFFERS.equals(v.status())) {
      return "Not verified: the rewrite's image differs from `"
          + a.variant()
          + "`'s in "
          + v.differenceCount()
          + (v.differenceCount() == 1 ? " place" : " places")
          + " ("
          + v.builder()
          + " builder, "
          + v.filesCompared()
          + " files compared), so its saving is measured but the rewrite is not proven to build"
          + " the same image:";
    }
    String note = v.note().isEmpty() ? "not verified in this run" : v.note();
    return Character.toUpperCase(note.charAt(0))
        + note.substring(1)
        + (note.endsWith(".") ? "" : ".");
  }

  /** The unexpected differences to list under the sentence, and how many more there were. */
  static List<String> differences(VariantAdvice a) {
    if (a.verification().isEmpty()) {
      return List.of();
    }
    RewriteVerification v = a.verification().get();
    List<String> lines = new ArrayList<>(v.differences());
    if (v.differenceCount() > lines.size()) {
      lines.add("... and " + (v.differenceCount() - lines.size()) + " more");
    }
    return lines;
  }

  /** The headline's words after the measured saving. */
  static String headline(VariantAdvice a) {
    if (a.verification().isPresent() && a.verification().get().verified()) {
      return ", verified to build the same image";
    }
    if (a.verification().isPresent()
        && RewriteVerification.DIFFERS.equals(a.verification().get().status())) {
      return "; its image differs from the original's, so the rewrite is not proven";
    }
    return "; not verified to build the same image in this run";
  }

  private static String expected(RewriteVerification v) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : v.expected().entrySet()) {
      parts.add(e.getValue() + " because " + e.getKey());
    }
    return String.join(", ", parts);
  }
}
