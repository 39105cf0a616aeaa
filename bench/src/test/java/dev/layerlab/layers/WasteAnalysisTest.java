package dev.layerlab.layers;

import static dev.layerlab.layers.LayerTars.layer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasteAnalysisTest {

  @Test
  void fileWrittenAgainInALaterLayer_wastesTheFirstVersion() throws IOException {
    WasteAnalysis.Result r =
        analyse(
            layer().dir("app").file("app/data.bin", 1000).file("app/keep.txt", 10),
            layer().file("app/data.bin", 300));

    assertThat(r.totalBytes()).isEqualTo(1310);
    assertThat(r.wastedBytes()).isEqualTo(1000);
    assertThat(r.wasted())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("app/data.bin");
              assertThat(w.bytes()).isEqualTo(1000);
              assertThat(w.writtenLayer()).isEqualTo(1);
              assertThat(w.removedLayer()).isEqualTo(2);
              assertThat(w.how()).isEqualTo("overwritten");
            });
  }

  @Test
  void whiteout_deletesTheFile_andADeletedDirectoryTakesEverythingBelowIt() throws IOException {
    WasteAnalysis.Result r =
        analyse(
            layer()
                .dir("tmp")
                .file("tmp/app.tar.gz", 5000)
                .dir("tmp/build")
                .dir("tmp/build/obj")
                .file("tmp/build/obj/a.o", 700)
                .file("tmp/build/obj/b.o", 300)
                .file("tmp/buildlog", 9),
            layer().whiteout("tmp/app.tar.gz").whiteout("tmp/build"));

    assertThat(r.wastedBytes()).isEqualTo(6000);
    assertThat(r.wasted())
        .extracting(WasteAnalysis.Wasted::path, WasteAnalysis.Wasted::how)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("tmp/app.tar.gz", "deleted"),
            org.assertj.core.groups.Tuple.tuple("tmp/build/obj/a.o", "deleted"),
            org.assertj.core.groups.Tuple.tuple("tmp/build/obj/b.o", "deleted"));
    assertThat(r.totalBytes() - r.wastedBytes())
        .as("tmp/buildlog shares a prefix with tmp/build but is not under it")
        .isEqualTo(9);
  }

  @Test
  void opaqueDirectory_hidesWhatLowerLayersHadThere_butKeepsItsOwnLayersFiles() throws IOException {
    WasteAnalysis.Result r =
        analyse(
            layer().dir("var/lib/apt").file("var/lib/apt/lists/a", 400).file("var/other", 5),
            layer().opaque("var/lib/apt").file("var/lib/apt/lists/b", 50),
            layer().file("var/lib/apt/lists/c", 1));

    assertThat(r.wastedBytes()).isEqualTo(400);
    assertThat(r.wasted())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("var/lib/apt/lists/a");
              assertThat(w.removedLayer()).isEqualTo(2);
              assertThat(w.how()).isEqualTo("opaque");
            });
  }

  @Test
  void hardLinks_shareOneContent_wastedOnlyWhenEveryNameIsGone() throws IOException {
    WasteAnalysis.Result oneNameLeft =
        analyse(
            layer()
                .file("usr/bin/python3.11", 2000)
                .hardLink("usr/bin/python3", "usr/bin/python3.11"),
            layer().whiteout("usr/bin/python3.11"));
    WasteAnalysis.Result bothGone =
        analyse(
            layer()
                .file("usr/bin/python3.11", 2000)
                .hardLink("usr/bin/python3", "usr/bin/python3.11"),
            layer().whiteout("usr/bin/python3.11").whiteout("usr/bin/python3"));

    assertThat(oneNameLeft.totalBytes()).as("a hard link adds no content").isEqualTo(2000);
    assertThat(oneNameLeft.wastedBytes()).isZero();
    assertThat(bothGone.wastedBytes()).isEqualTo(2000);
    assertThat(bothGone.wasted()).hasSize(1);
  }

  @Test
  void directoryReplacedByAFile_hidesItsContents_andDirectoriesMergeAcrossLayers()
      throws IOException {
    WasteAnalysis.Result r =
        analyse(
            layer().dir("opt").dir("opt/tool").file("opt/tool/bin", 80).dir("srv").file("srv/a", 3),
            layer().dir("srv").file("srv/b", 4).file("opt/tool", 1).symlink("srv/c", "a"));

    assertThat(r.wasted())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("opt/tool/bin");
              assertThat(w.how()).isEqualTo("replaced");
            });
    assertThat(r.totalBytes()).isEqualTo(88);
    assertThat(r.wastedBytes()).isEqualTo(80);
  }

  @Test
  void fileUnderAPathThatWasAFile_replacesThatFile() throws IOException {
    WasteAnalysis.Result implicit =
        analyse(layer().file("etc/conf", 60), layer().file("etc/conf/main", 2));
    WasteAnalysis.Result explicit =
        analyse(layer().file("etc/conf", 60), layer().dir("etc/conf").file("etc/conf/main", 2));

    assertThat(implicit.wastedBytes()).isEqualTo(60);
    assertThat(implicit.wasted().get(0).how()).isEqualTo("replaced");
    assertThat(explicit.wastedBytes()).isEqualTo(60);
    assertThat(explicit.wasted().get(0).how()).isEqualTo("overwritten");
  }

  @Test
  void pathsAreReadAsDockerWritesThem_withOrWithoutDotSlash() throws IOException {
    WasteAnalysis.Result r = analyse(layer().file("./a/b", 10), layer().whiteout("a/b"));

    assertThat(r.wastedBytes()).isEqualTo(10);
    assertThat(r.wasted().get(0).path()).isEqualTo("a/b");
  }

  @Test
  void noWaste_isAHundredPercent() throws IOException {
    WasteAnalysis.Result r = analyse(layer().file("a", 10), layer().file("b", 10));

    assertThat(r.wastedBytes()).isZero();
    assertThat(r.wasted()).isEmpty();
  }

  private static WasteAnalysis.Result analyse(LayerTars... layers) throws IOException {
    List<LayerContents> contents = new ArrayList<>();
    for (LayerTars l : layers) {
      contents.add(LayerContents.read(new ByteArrayInputStream(l.tar())));
    }
    return WasteAnalysis.of(contents);
  }
}
