package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.RunResult;
import dev.layerlab.scenario.ChangePattern;
import dev.layerlab.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildKitOnlyTest {

  @TempDir Path dir;
  @TempDir Path scratch;

  @Test
  void runMount_needsBuildKit_namingTheLine() throws Exception {
    assertThat(
            BuildKitOnly.reason(
                "FROM python:3.11-slim\nCOPY . .\n"
                    + "RUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n",
                "Dockerfile.cache-mount"))
        .hasValueSatisfying(r -> assertThat(r).contains("RUN --mount").contains("line 3"));
    assertThat(BuildKitOnly.reason("FROM scratch\nRUN echo --mount\n", "Dockerfile")).isEmpty();
  }

  @Test
  void classicBuilder_skipsBuildKitOnlyVariants_andSaysSoInTheResult() throws Exception {
    Files.writeString(dir.resolve("Dockerfile.plain"), "FROM scratch\nCOPY a.txt /\n");
    Files.writeString(
        dir.resolve("Dockerfile.cache-mount"),
        "FROM scratch\nRUN --mount=type=cache,target=/c true\n");
    Files.writeString(dir.resolve("a.txt"), "a\n");
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("plain", "Dockerfile.plain");
    variants.put("cache-mount", "Dockerfile.cache-mount");
    Scenario scenario =
        new Scenario(
            "s",
            "",
            dir,
            variants,
            Map.of(ChangePattern.EDIT_SOURCE, "a.txt"),
            List.of(),
            Optional.empty());
    FakeEngine classic = new FakeEngine("classic");
    FakeEngine buildkit = new FakeEngine("buildkit");
    Map<String, dev.layerlab.engine.Engine> engines = new LinkedHashMap<>();
    engines.put("classic", classic);
    engines.put("buildkit", buildkit);
    List<String> notes = new ArrayList<>();
    List<Integer> announced = new ArrayList<>();

    RunResult result =
        new BenchRunner(
                engines,
                e -> {
                  if (e instanceof BenchEvent.Note n) {
                    notes.add(n.message());
                  }
                  if (e instanceof BenchEvent.RunStarted started) {
                    announced.add(started.builds());
                  }
                },
                Clock.systemUTC())
            .run(
                scenario,
                new BenchOptions(
                    "t-1",
                    1,
                    0,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    "none",
                    scratch,
                    Duration.ofSeconds(5)));

    assertThat(classic.dockerfiles).doesNotContain("Dockerfile.cache-mount").isNotEmpty();
    assertThat(buildkit.dockerfiles).contains("Dockerfile.cache-mount");
    assertThat(result.builds())
        .filteredOn(b -> b.builder().equals("classic"))
        .extracting(BuildRecord::variant)
        .containsOnly("plain");
    assertThat(result.complete()).isTrue();
    assertThat(announced).containsExactly(result.builds().size());
    assertThat(result.environment().get(BuildKitOnly.SKIPPED_KEY))
        .contains("cache-mount")
        .contains("classic")
        .contains("line 2");
    assertThat(notes).anyMatch(n -> n.contains("cache-mount") && n.contains("BuildKit"));
  }
}
