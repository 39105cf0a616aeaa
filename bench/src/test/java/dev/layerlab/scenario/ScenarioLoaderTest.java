package dev.layerlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

  @TempDir Path dir;

  private static Path projectDir() {
    return Path.of(System.getProperty("layerlab.project.dir", ".."));
  }

  @Test
  void seedScenario_loadsWithItsVariantsAndChanges() throws Exception {
    Scenario s = ScenarioLoader.load(projectDir().resolve("scenarios/python-app"));

    assertThat(s.name()).isEqualTo("python-app");
    assertThat(s.variants()).containsKeys("naive", "deps-first");
    assertThat(s.patterns())
        .containsExactly(
            ChangePattern.NO_CHANGE,
            ChangePattern.EDIT_SOURCE,
            ChangePattern.EDIT_DEPS,
            ChangePattern.EDIT_CONFIG);
    assertThat(s.changes()).containsEntry(ChangePattern.EDIT_SOURCE, "utils/helpers.py");
    assertThat(s.startup()).isPresent();
    assertThat(s.startup().get().mounted()).isPresent();
  }

  @Test
  void unknownChangePattern_isNamedWithItsLine() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(dir.resolve("a.py"), "x = 1\n");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "name: t\nvariants:\n  only: Dockerfile\nchanges:\n  edit-source: a.py\n  edit-readme: a.py\n");

    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario.yaml:6:")
        .hasMessageContaining("unknown change pattern 'edit-readme'")
        .hasMessageContaining("edit-source");
  }

  @Test
  void variantWhoseDockerfileIsMissing_isReported() throws Exception {
    Files.writeString(dir.resolve("scenario.yaml"), "variants:\n  naive: Dockerfile.nope\n");

    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(":2:")
        .hasMessageContaining("Dockerfile.nope");
  }

  @Test
  void brokenYaml_isReportedWithALine() throws Exception {
    Files.writeString(dir.resolve("scenario.yaml"), "variants:\n  naive: [unclosed\n");

    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missingScenarioFile_saysWhatIsExpected() {
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario.yaml");
  }

  @Test
  void fileWithoutKnownCommentSyntax_cannotBeAChangeTarget() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(dir.resolve("logo.png"), "not really a picture\n");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "variants:\n  v: Dockerfile\nchanges:\n  edit-source: logo.png\n");

    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .hasMessageContaining("scenario.yaml:4:")
        .hasMessageContaining("cannot edit logo.png")
        .hasMessageContaining("knows no comment syntax");
  }

  @Test
  void jsonAndXmlManifests_areChangeTargets() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"t\"}\n");
    Files.writeString(dir.resolve("pom.xml"), "<project></project>\n");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "variants:\n  v: Dockerfile\nchanges:\n  edit-deps: package.json\n"
            + "  edit-config: pom.xml\n");

    Scenario s = ScenarioLoader.load(dir);

    assertThat(s.changes())
        .containsEntry(ChangePattern.EDIT_DEPS, "package.json")
        .containsEntry(ChangePattern.EDIT_CONFIG, "pom.xml");
  }

  @Test
  void jsonFileWithoutATopLevelObject_isRejectedWithItsReason() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(dir.resolve("versions.json"), "[\"1.0\"]\n");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "variants:\n  v: Dockerfile\nchanges:\n  edit-deps: versions.json\n");

    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .hasMessageContaining("scenario.yaml:4:")
        .hasMessageContaining("cannot edit versions.json")
        .hasMessageContaining("not an object");
  }

  @Test
  void everyScenarioInTheProject_loads() throws Exception {
    for (String name : new String[] {"node-app", "java-app", "multistage-app"}) {
      Scenario s = ScenarioLoader.load(projectDir().resolve("scenarios").resolve(name));

      assertThat(s.variants()).as(name).containsKeys("naive", "deps-first", "cache-mount");
      assertThat(s.changes())
          .as(name)
          .containsKeys(
              ChangePattern.EDIT_SOURCE, ChangePattern.EDIT_DEPS, ChangePattern.EDIT_CONFIG);
      assertThat(s.startup()).as(name).isPresent();
      assertThat(s.startup().get().mounted()).as(name).isPresent();
      assertThat(s.startup().get().mountedDeps())
          .as(name + " keeps its dependencies in the working directory, so it says what to mount")
          .isPresent();
    }
  }

  @Test
  void mountedDeps_namesThePathsToMount_andAnOptionalCommand() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectories(dir.resolve("src"));
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        dir.resolve("scenario.yaml"),
        """
        variants:
          only: Dockerfile
        startup:
          ready: up
          mounted-deps:
            workdir: /srv/app
            paths: [src, config/]
            command: node src/server.js
        """);

    StartupSpec spec = ScenarioLoader.load(dir).startup().orElseThrow();

    assertThat(spec.mounted()).isEmpty();
    StartupSpec.MountedDepsSpec deps = spec.mountedDeps().orElseThrow();
    assertThat(deps.workdir()).isEqualTo("/srv/app");
    assertThat(deps.paths()).containsExactly("src", "config");
    assertThat(deps.command()).contains("node src/server.js");
  }

  @Test
  void mountedDeps_takesItsWorkdirFromMounted_andRejectsPathsOutsideTheProject() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectories(dir.resolve("src"));
    String head =
        """
        variants:
          only: Dockerfile
        startup:
          ready: up
          mounted: {image: base, workdir: /app, command: run}
          mounted-deps:
        """;
    Files.writeString(dir.resolve("scenario.yaml"), head + "    paths: [src]\n");
    assertThat(ScenarioLoader.load(dir).startup().orElseThrow().mountedDeps().orElseThrow())
        .isEqualTo(
            new StartupSpec.MountedDepsSpec(
                "/app", java.util.List.of("src"), java.util.Optional.empty()));

    Files.writeString(dir.resolve("scenario.yaml"), head + "    paths: [../outside]\n");
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario.yaml:7:")
        .hasMessageContaining("../outside");

    Files.writeString(dir.resolve("scenario.yaml"), head + "    paths: [lib]\n");
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .hasMessageContaining("scenario.yaml:7:")
        .hasMessageContaining("'lib'")
        .hasMessageContaining("not in");

    Files.writeString(
        dir.resolve("scenario.yaml"),
        "variants:\n  only: Dockerfile\nstartup:\n  ready: up\n  mounted-deps:\n"
            + "    paths: [src]\n");
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .hasMessageContaining("scenario.yaml:6:")
        .hasMessageContaining("missing 'workdir'");
  }

  @Test
  void editGit_namesAGitDirectory() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.writeString(
        dir.resolve("scenario.yaml"),
        "variants:\n  only: Dockerfile\nchanges:\n  edit-git: .git\n");

    assertThat(ScenarioLoader.load(dir).changes()).containsEntry(ChangePattern.EDIT_GIT, ".git");

    Files.writeString(
        dir.resolve("scenario.yaml"),
        "variants:\n  only: Dockerfile\nchanges:\n  edit-git: Dockerfile\n");
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario.yaml:4:")
        .hasMessageContaining("not a git directory");
  }
}
