package dev.layerlab.layers;

import static dev.layerlab.layers.LayerTars.layer;
import static dev.layerlab.layers.LayerTars.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.measure.ImageEfficiency;
import dev.layerlab.measure.StepRecord;
import dev.layerlab.measure.WastedPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class SavedImageTest {

  /** A classic-builder history: the base image, then one entry per instruction. */
  private static final String CONFIG =
      """
      {"history": [
        {"created_by": "Imported from -"},
        {"created_by": "/bin/sh -c #(nop) WORKDIR /app"},
        {"created_by": "/bin/sh -c #(nop) COPY file:abc in /tmp/ "},
        {"created_by": "/bin/sh -c #(nop)  ARG PIP_INDEX_URL", "empty_layer": true},
        {"created_by": "|1 PIP_INDEX_URL=http://127.0.0.1:8731/simple /bin/sh -c tar xf /tmp/app.tgz && rm /tmp/app.tgz"},
        {"created_by": "/bin/sh -c #(nop)  CMD [\\"python\\"]", "empty_layer": true},
        {"created_by": "/bin/sh -c #(nop)  LABEL dev.layerlab.run=r1", "empty_layer": true}
      ]}
      """;

  private static final List<StepRecord> STEPS =
      List.of(
          new StepRecord(1, "FROM python:3.11-slim", 1, true, 0, -1, "a"),
          new StepRecord(2, "WORKDIR /app", 3, false, 0, 0, "b"),
          new StepRecord(3, "COPY app.tgz /tmp/", 4, false, 0, 5000, "c"),
          new StepRecord(4, "ARG PIP_INDEX_URL", 5, false, 0, 0, "d"),
          new StepRecord(5, "RUN tar xf /tmp/app.tgz && rm /tmp/app.tgz", 6, false, 0, 9, "e"),
          new StepRecord(6, "CMD [\"python\"]", 7, false, 0, 0, "f"));

  @Test
  void dockerLayout_layersInManifestOrder_aRepeatedLayerIsALink_andEachLayerNamesItsStep()
      throws IOException {
    byte[] base = layer().dir("usr").file("usr/lib.so", 100).tar();
    byte[] workdir = layer().dir("app").tar();
    byte[] copy = layer().dir("tmp").file("tmp/app.tgz", 5000).tar();
    byte[] run = layer().whiteout("tmp/app.tgz").file("app/main.py", 9).tar();
    // Lexical order, as Docker 20.10 writes it: the manifest after the layers.
    byte[] saved =
        saved(
            new Object[] {"0cfg.json", utf8(CONFIG)},
            new Object[] {"1base/layer.tar", base},
            new Object[] {"2work/layer.tar", workdir},
            new Object[] {"3copy/layer.tar", copy},
            new Object[] {"4run/layer.tar", run},
            new Object[] {"5again/layer.tar", "../2work/layer.tar"},
            new Object[] {
              "manifest.json",
              utf8(
                  "[{\"Config\":\"0cfg.json\",\"Layers\":[\"1base/layer.tar\",\"5again/layer.tar\","
                      + "\"3copy/layer.tar\",\"4run/layer.tar\"]}]")
            });

    SavedImage image = SavedImage.read(new ByteArrayInputStream(saved));
    ImageEfficiency e = ImageAnalysis.of("naive", "classic", "sha256:x", image, STEPS, 0.5);

    assertThat(image.layers()).hasSize(4);
    assertThat(LayerSteps.describe(4, image.history(), STEPS))
        .containsExactly(
            "base image: Imported from -",
            "line 3: WORKDIR /app",
            "line 4: COPY app.tgz /tmp/",
            "line 6: RUN tar xf /tmp/app.tgz && rm /tmp/app.tgz");
    assertThat(e.totalBytes()).isEqualTo(5109);
    assertThat(e.wastedBytes()).isEqualTo(5000);
    assertThat(e.efficiencyPercent()).isCloseTo(100.0 * 109 / 5109, within());
    assertThat(e.topWasted())
        .containsExactly(
            new WastedPath(
                "tmp/app.tgz",
                5000,
                3,
                "line 4: COPY app.tgz /tmp/",
                4,
                "line 6: RUN tar xf /tmp/app.tgz && rm /tmp/app.tgz",
                "deleted"));
  }

  @Test
  void ociLayout_blobsAreToldApartByTheirFirstBytes_buildKitHistoryNamesSteps() throws IOException {
    String config =
        """
        {"history": [
          {"created_by": "/bin/sh -c #(nop) ADD file:1 in / "},
          {"created_by": "COPY big.bin /data/ # buildkit"},
          {"created_by": "ENV A=1", "empty_layer": true},
          {"created_by": "RUN /bin/sh -c rm /data/big.bin # buildkit"}
        ]}
        """;
    byte[] empty = new byte[1024];
    byte[] saved =
        saved(
            new Object[] {"blobs/sha256/aa", layer().file("bin/sh", 10).tar()},
            new Object[] {"blobs/sha256/bb", layer().file("data/big.bin", 700).tar()},
            new Object[] {"blobs/sha256/cc", utf8(config)},
            new Object[] {"blobs/sha256/dd", layer().whiteout("data/big.bin").tar()},
            new Object[] {
              "manifest.json",
              utf8(
                  "[{\"Config\":\"blobs/sha256/cc\",\"Layers\":[\"blobs/sha256/aa\","
                      + "\"blobs/sha256/bb\",\"blobs/sha256/dd\"]}]")
            },
            new Object[] {"blobs/sha256/ee", empty});
    List<StepRecord> steps =
        List.of(
            new StepRecord(1, "FROM debian", 1, true, 0, -1, ""),
            new StepRecord(2, "COPY big.bin /data/", 2, false, 0, 700, ""),
            new StepRecord(3, "RUN rm /data/big.bin", 4, false, 0, 0, ""));

    ImageEfficiency e =
        ImageAnalysis.of(
            "v",
            "buildkit",
            "sha256:y",
            SavedImage.read(new ByteArrayInputStream(saved)),
            steps,
            0);

    assertThat(e.layers()).isEqualTo(3);
    assertThat(e.wastedBytes()).isEqualTo(700);
    WastedPath w = e.topWasted().get(0);
    assertThat(w.writtenBy()).isEqualTo("line 2: COPY big.bin /data/");
    assertThat(w.removedBy()).isEqualTo("line 4: RUN rm /data/big.bin");
  }

  @Test
  void aManifestNamingAMissingLayer_isAnError() throws IOException {
    byte[] saved =
        saved(
            new Object[] {
              "manifest.json", utf8("[{\"Config\":\"c.json\",\"Layers\":[\"x/layer.tar\"]}]")
            });

    assertThatThrownBy(() -> SavedImage.read(new ByteArrayInputStream(saved)))
        .hasMessageContaining("x/layer.tar");
  }

  @Test
  void moreLayersThanHistory_namesLayersByNumber() {
    assertThat(LayerSteps.describe(2, List.of(), STEPS)).containsExactly("layer 1", "layer 2");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** A tar of the given entries: byte arrays are files, strings symbolic links. */
  private static byte[] saved(Object[]... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (Object[] e : entries) {
        String name = (String) e[0];
        if (e[1] instanceof String target) {
          TarArchiveEntry link = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
          link.setLinkName(target);
          out.putArchiveEntry(link);
        } else {
          byte[] body = (byte[]) e[1];
          TarArchiveEntry file = new TarArchiveEntry(name);
          file.setSize(body.length);
          out.putArchiveEntry(file);
          out.write(body);
        }
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
