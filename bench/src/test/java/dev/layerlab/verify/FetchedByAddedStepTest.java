package dev.layerlab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.advice.Analysis;
import dev.layerlab.engine.ImageConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Files the added dependency-only step fetched are expected only as additions in its repository.
 */
class FetchedByAddedStepTest {

  private static final ImageConfig CONFIG =
      new ImageConfig(
          List.of("java", "-jar", "app.jar"), List.of(), List.of(), "/app", "", List.of());

  private static final Analysis.AddedStep MAVEN =
      new Analysis.AddedStep(7, "RUN mvn -q -B dependency:go-offline", "*/.m2/repository");

  private static Map<String, FileEntry> files(String... pathAndContent) {
    Map<String, FileEntry> m = new TreeMap<>();
    for (int i = 0; i < pathAndContent.length; i += 2) {
      m.put(
          pathAndContent[i],
          new FileEntry(pathAndContent[i], "file", 0644, 0, 0, pathAndContent[i + 1], ""));
    }
    return m;
  }

  private static Comparison compare(
      Map<String, FileEntry> original, Map<String, FileEntry> rewrite) {
    return ImageComparator.compare(
        original,
        rewrite,
        CONFIG,
        CONFIG,
        new FetchedByAddedStep(List.of(MAVEN), ExpectedDifferences.none()));
  }

  @Test
  void additionsInsideTheLocalRepository_areExpected_withTheirOwnReason() {
    Comparison c =
        compare(
            files("/app/app.jar", "a", "/root/.m2/repository/g/a/1/a-1.jar", "b"),
            files(
                "/app/app.jar",
                "a",
                "/root/.m2/repository/g/a/1/a-1.jar",
                "b",
                "/root/.m2/repository/org/x/plugin/2/plugin-2.jar",
                "c",
                "/root/.m2/repository/org/x/plugin/2",
                "d"));

    assertThat(c.sameImage()).as("%s", c.differences()).isTrue();
    assertThat(c.expected())
        .extracting(Difference::expectedBecause)
        .containsOnly(
            "fetched by the added dependency-only step (RUN mvn -q -B dependency:go-offline),"
                + " only inside the package manager's local repository (*/.m2/repository)");
  }

  @Test
  void additionsOutsideTheRepository_stillDiffer() {
    Comparison c =
        compare(files("/app/app.jar", "a"), files("/app/app.jar", "a", "/app/extra.txt", "x"));

    assertThat(c.sameImage()).isFalse();
    assertThat(c.unexpected()).extracting(Difference::where).containsExactly("/app/extra.txt");
  }

  @Test
  void aChangedOrMissingFileInsideTheRepository_stillDiffers() {
    Comparison c =
        compare(
            files(
                "/root/.m2/repository/g/a/1/a-1.jar",
                "b",
                "/root/.m2/repository/g/a/1/a-1.pom",
                "p"),
            files("/root/.m2/repository/g/a/1/a-1.jar", "changed"));

    assertThat(c.unexpected())
        .extracting(Difference::where)
        .containsExactly(
            "/root/.m2/repository/g/a/1/a-1.jar", "/root/.m2/repository/g/a/1/a-1.pom");
  }

  @Test
  void aNameThatOnlyLooksLikeTheRepository_isNotInIt() {
    Comparison c =
        compare(
            files(),
            files("/root/.m2/repository-old/x.jar", "x", "/srv/not.m2/repository/y.jar", "y"));

    assertThat(c.unexpected()).hasSize(2);
  }

  @Test
  void anAbsoluteRepository_holdsOnlyItsOwnTree() {
    Analysis.AddedStep step =
        new Analysis.AddedStep(3, "RUN mvn -Dmaven.repo.local=/m2 dependency:go-offline", "/m2");

    assertThat(step.holds("/m2/g/a.jar")).isTrue();
    assertThat(step.holds("/m2")).isTrue();
    assertThat(step.holds("/m2x/a.jar")).isFalse();
    assertThat(step.holds("/root/.m2/repository/a.jar")).isFalse();
  }
}
