package dev.layerlab.run;

import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.layers.ImageAnalysis;
import dev.layerlab.layers.SavedImage;
import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.ImageEfficiency;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reads the layers of each variant's cold-built image and counts its wasted bytes. It runs after
 * every build and start-up of the run, so the time it takes (seconds for a few hundred megabytes)
 * is on no timed path; an image that cannot be read is reported and passed over.
 */
final class ImageAnalyser {

  /** A cold build and the engine that made it. */
  record Cold(Engine engine, BuildRecord build) {}

  private final BenchListener listener;
  private final LongSupplier nanos;

  ImageAnalyser(BenchListener listener, LongSupplier nanos) {
    this.listener = listener;
    this.nanos = nanos;
  }

  List<ImageEfficiency> analyse(List<Cold> builds) throws EngineException {
    List<ImageEfficiency> images = new ArrayList<>();
    for (Cold cold : builds) {
      BuildRecord b = cold.build();
      if (b.status() != BuildStatus.OK || b.imageId().isEmpty()) {
        continue;
      }
      long start = nanos.getAsLong();
      SavedImage saved;
      try {
        saved = cold.engine().saveImage(b.imageId(), SavedImage::read);
      } catch (EngineException e) {
        if (e.getMessage().startsWith("interrupted") || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        listener.on(
            new BenchEvent.Note(
                "image of "
                    + b.variant()
                    + " ("
                    + b.builder()
                    + "): not analysed: "
                    + e.getMessage()));
        continue;
      }
      ImageEfficiency analysed =
          ImageAnalysis.of(b.variant(), b.builder(), b.imageId(), saved, b.steps(), 0);
      ImageEfficiency image = analysed.withAnalysisSeconds((nanos.getAsLong() - start) / 1e9);
      images.add(image);
      listener.on(new BenchEvent.ImageAnalysed(image));
    }
    return images;
  }
}
