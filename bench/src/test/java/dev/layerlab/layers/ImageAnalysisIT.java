package dev.layerlab.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.BuildKitCliEngine;
import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.DockerJavaEngine;
import dev.layerlab.engine.Engine;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.WastedPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wasted bytes of images the real builders made, read as the daemon saves them. */
class ImageAnalysisIT {

  private static final int BIG = 300_000;

  @TempDir Path context;
  @TempDir Path scratch;

  @Test
  void bothBuilders_aCopiedFileRemovedLater_isWasted_andNamesBothSteps() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"),
        """
        FROM python:3.11-slim
        COPY big.bin /tmp/big.bin
        RUN rm /tmp/big.bin && mkdir -p /opt/keep && echo kept > /opt/keep/file
        """);
    byte[] big = new byte[BIG];
    new java.util.Random(7).nextBytes(big);
    Files.write(context.resolve("big.bin"), big);

    try (DockerJavaEngine classic = new DockerJavaEngine(System::nanoTime, scratch);
        BuildKitCliEngine buildkit = new BuildKitCliEngine(System::nanoTime, scratch)) {
      for (Engine engine : List.<Engine>of(classic, buildkit)) {
        List<String> created = new ArrayList<>();
        try {
          BuildOutcome built =
              engine.build(
                  new BuildRequest(
                      context,
                      List.of("Dockerfile", "big.bin"),
                      "Dockerfile",
                      Map.of(),
                      Map.of("dev.layerlab.test", "image-analysis-" + UUID.randomUUID()),
                      true,
                      "none"));
          created.addAll(built.createdImages());
          assertThat(built.status()).as(built.error()).isEqualTo(BuildStatus.OK);

          SavedImage saved = engine.saveImage(built.imageId(), SavedImage::read);
          ImageEfficiency image =
              ImageAnalysis.of("v", "b", built.imageId(), saved, built.steps(), 0);

          assertThat(image.wastedBytes()).as(engine.getClass().getSimpleName()).isEqualTo(BIG);
          assertThat(image.totalBytes()).isGreaterThan(100_000_000L);
          WastedPath w = image.topWasted().get(0);
          assertThat(w.path()).isEqualTo("tmp/big.bin");
          assertThat(w.how()).isEqualTo("deleted");
          assertThat(w.writtenBy()).isEqualTo("line 2: COPY big.bin /tmp/big.bin");
          assertThat(w.removedBy()).startsWith("line 3: RUN rm /tmp/big.bin");
          assertThat(w.removedLayer()).isEqualTo(w.writtenLayer() + 1);
        } finally {
          assertThat(engine.removeImages(created)).isEmpty();
        }
      }
    }
  }
}
