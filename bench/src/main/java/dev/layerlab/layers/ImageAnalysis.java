package dev.layerlab.layers;

import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.WastedPath;
import java.util.ArrayList;
import java.util.List;

/** Turns a saved image and the build that made it into its {@link ImageEfficiency}. */
public final class ImageAnalysis {

  private ImageAnalysis() {}

  /**
   * @param image the image as saved
   * @param steps the steps of the build that made it, to name the layers
   * @param seconds how long reading the image took, analysis included
   */
  public static ImageEfficiency of(
      String variant,
      String builder,
      String imageId,
      SavedImage image,
      List<StepRecord> steps,
      double seconds) {
    WasteAnalysis.Result waste = WasteAnalysis.of(image.layers());
    List<String> names = LayerSteps.describe(image.layers().size(), image.history(), steps);
    List<WastedPath> top = new ArrayList<>();
    for (WasteAnalysis.Wasted w : waste.wasted()) {
      if (top.size() == ImageEfficiency.TOP) {
        break;
      }
      top.add(
          new WastedPath(
              w.path(),
              w.bytes(),
              w.writtenLayer(),
              names.get(w.writtenLayer() - 1),
              w.removedLayer(),
              names.get(w.removedLayer() - 1),
              w.how()));
    }
    return new ImageEfficiency(
        variant,
        builder,
        imageId,
        image.layers().size(),
        waste.totalBytes(),
        waste.wastedBytes(),
        0,
        seconds,
        top);
  }
}
