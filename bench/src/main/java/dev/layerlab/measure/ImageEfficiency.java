package dev.layerlab.measure;

import java.util.List;

/**
 * How much of an image's layers a container can see. A file written in one layer and overwritten or
 * deleted in a later one still ships in the earlier layer: those bytes are wasted.
 *
 * @param variant the variant whose cold build made the image
 * @param builder the builder that built it
 * @param imageId the image analysed
 * @param layers how many layers it has
 * @param totalBytes the content bytes of every regular file in every layer (a hard link's content
 *     counted once)
 * @param wastedBytes the part of {@code totalBytes} no container sees
 * @param efficiencyPercent {@code 100 × (1 − wastedBytes / totalBytes)}, 100 for an image without
 *     file content; derived, so computed again whatever is passed
 * @param analysisSeconds how long reading and analysing the layers took
 * @param topWasted the largest wasted file versions, largest first
 */
public record ImageEfficiency(
    String variant,
    String builder,
    String imageId,
    int layers,
    long totalBytes,
    long wastedBytes,
    double efficiencyPercent,
    double analysisSeconds,
    List<WastedPath> topWasted) {

  /** How many wasted paths an analysis keeps. */
  public static final int TOP = 10;

  public ImageEfficiency {
    topWasted = topWasted == null ? List.of() : List.copyOf(topWasted);
    efficiencyPercent = percent(totalBytes, wastedBytes);
  }

  public ImageEfficiency withAnalysisSeconds(double seconds) {
    return new ImageEfficiency(
        variant,
        builder,
        imageId,
        layers,
        totalBytes,
        wastedBytes,
        efficiencyPercent,
        seconds,
        topWasted);
  }

  /** {@code 100 × (1 − wasted / total)}; 100 when there is nothing to waste. */
  public static double percent(long totalBytes, long wastedBytes) {
    return totalBytes <= 0 ? 100.0 : 100.0 * (1.0 - (double) wastedBytes / totalBytes);
  }
}
