package dev.layerlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.context.ContextSender;
import dev.layerlab.scenario.ProjectPatterns.Pick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectPatternsTest {

  @TempDir Path temp;
  @TempDir Path scratch;
  Path repo;

  @BeforeEach
  void monorepo() throws Exception {
    repo = MonorepoFixture.create(Files.createDirectories(temp.resolve("mono")));
  }

  private Map<ChangePattern, Pick> picks(String dockerfile) throws Exception {
    return picks(dockerfile, ContextSender.CLASSIC);
  }

  private Map<ChangePattern, Pick> picks(String dockerfile, ContextSender sender) throws Exception {
    Path file = dockerfile == null ? null : repo.resolve(dockerfile);
    try (ProjectScenario p =
        ProjectScenario.prepare(repo, file, Optional.empty(), scratch, sender, Map.of())) {
      Map<ChangePattern, Pick> byPattern = new LinkedHashMap<>();
      p.picks().forEach(pick -> byPattern.put(pick.pattern(), pick));
      assertThat(p.scenario().changes().keySet())
          .as("the scenario runs exactly the patterns that found a file")
          .containsExactlyElementsOf(
              p.picks().stream().filter(k -> k.file().isPresent()).map(Pick::pattern).toList());
      return byPattern;
    }
  }

  private static Optional<String> file(Map<ChangePattern, Pick> picks, ChangePattern p) {
    return picks.get(p).file();
  }

  @Test
  void apiDockerfile_picksTheNpmManifestAndJavaScriptSource() throws Exception {
    Map<ChangePattern, Pick> picks = picks(null);

    assertThat(file(picks, ChangePattern.EDIT_DEPS)).contains("package.json");
    assertThat(picks.get(ChangePattern.EDIT_DEPS).why())
        .contains("npm step (line 5)")
        .contains("COPY package.json package-lock.json ./ (line 3)");
    assertThat(file(picks, ChangePattern.EDIT_SOURCE))
        .as("a source file of the npm project wins over the Python one")
        .contains("packages/api/src/index.js");
    assertThat(file(picks, ChangePattern.EDIT_CONFIG))
        .as("compose.yaml is ignored by .dockerignore, so config/app.yaml")
        .contains("config/app.yaml");
    assertThat(file(picks, ChangePattern.EDIT_DOCS)).contains("README.md");
    assertThat(file(picks, ChangePattern.EDIT_GIT)).contains(".git");
    assertThat(picks.get(ChangePattern.EDIT_GIT).why()).contains("COPY . . (line 6)");
  }

  @Test
  void workerDockerfile_picksWithinWhatItCopies_andSaysWhyPatternsAreLeftOut() throws Exception {
    Map<ChangePattern, Pick> picks = picks("Dockerfile.worker");

    assertThat(file(picks, ChangePattern.EDIT_DEPS)).contains("services/worker/requirements.txt");
    assertThat(file(picks, ChangePattern.EDIT_SOURCE)).contains("services/worker/worker.py");
    assertThat(file(picks, ChangePattern.EDIT_CONFIG))
        .contains("services/worker/config/settings.yaml");
    assertThat(picks.get(ChangePattern.EDIT_DOCS).file()).isEmpty();
    assertThat(picks.get(ChangePattern.EDIT_DOCS).why())
        .contains("README.md is sent with the context but no step copies it");
    assertThat(picks.get(ChangePattern.EDIT_GIT).file()).isEmpty();
    assertThat(picks.get(ChangePattern.EDIT_GIT).why()).contains("no step copies it");
  }

  @Test
  void ignoredAndGeneratedPaths_areNeverPicked() throws Exception {
    for (String dockerfile : List.of("Dockerfile", "Dockerfile.worker")) {
      for (Pick pick : picks(dockerfile).values()) {
        pick.file()
            .ifPresent(
                f ->
                    assertThat(f)
                        .as(pick.pattern().id() + " of " + dockerfile)
                        .doesNotContain("node_modules", "dist/", "target/", "__pycache__")
                        .doesNotStartWith("docs/")
                        .isNotEqualTo("compose.yaml")
                        .doesNotStartWith(".github"));
      }
    }
  }

  @Test
  void dockerignoreRespected_gitLeftOutNamesTheLine() throws Exception {
    Files.writeString(repo.resolve(".dockerignore"), MonorepoFixture.DOCKERIGNORE + ".git\n");

    Pick git = picks(null).get(ChangePattern.EDIT_GIT);

    assertThat(git.file()).isEmpty();
    assertThat(git.why())
        .contains(".dockerignore leaves .git out")
        .contains("line 10 of .dockerignore");
  }

  @Test
  void withoutDockerignore_configPicksTheFileItUsedToIgnore_butGeneratedDirsStayOut()
      throws Exception {
    Files.delete(repo.resolve(".dockerignore"));

    Map<ChangePattern, Pick> picks = picks(null);

    assertThat(file(picks, ChangePattern.EDIT_CONFIG))
        .as("config/ directories rank first")
        .contains("config/app.yaml");
    assertThat(file(picks, ChangePattern.EDIT_SOURCE)).contains("packages/api/src/index.js");
    assertThat(file(picks, ChangePattern.EDIT_DOCS)).contains("README.md");
  }

  @Test
  void manifestNamedByTheInstall_winsOverAShallowerOneOfTheSameName() throws Exception {
    MonorepoFixture.write(repo, "requirements.txt", "# tools\n");
    MonorepoFixture.write(
        repo,
        "Dockerfile.both",
        "FROM python:3.11-slim\nCOPY . .\n"
            + "RUN pip install --no-cache-dir -r services/worker/requirements.txt\n");

    assertThat(file(picks("Dockerfile.both"), ChangePattern.EDIT_DEPS))
        .contains("services/worker/requirements.txt");
  }

  @Test
  void buildkitReadsTheDockerfilesOwnIgnoreFile_theClassicClientDoesNot() throws Exception {
    MonorepoFixture.write(repo, "Dockerfile.worker.dockerignore", "**/config\n");

    Map<ChangePattern, Pick> classic = picks("Dockerfile.worker");
    Map<ChangePattern, Pick> buildkit = picks("Dockerfile.worker", ContextSender.BUILDKIT);

    assertThat(file(classic, ChangePattern.EDIT_CONFIG))
        .contains("services/worker/config/settings.yaml");
    assertThat(buildkit.get(ChangePattern.EDIT_CONFIG).file())
        .as("BuildKit leaves config/ out, so nothing is left to pick")
        .isEmpty();
    assertThat(buildkit.get(ChangePattern.EDIT_CONFIG).why())
        .isEqualTo("no configuration file that the build copies");
  }

  @Test
  void choiceIsDeterministic() throws Exception {
    assertThat(picks(null).toString()).isEqualTo(picks(null).toString());
  }

  @Test
  void theProjectIsNotModified() throws Exception {
    String before = MonorepoFixture.digest(repo);
    picks(null);
    assertThat(MonorepoFixture.digest(repo)).isEqualTo(before);
  }

  @Test
  void badInput_isOneSentenceNamingThePath() throws Exception {
    Path outside = Files.writeString(temp.resolve("Dockerfile.outside"), "FROM scratch\n");
    assertThatThrownBy(
            () ->
                ProjectScenario.prepare(
                    repo, outside, Optional.empty(), scratch, ContextSender.CLASSIC, Map.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("outside the project");
    assertThatThrownBy(
            () ->
                ProjectScenario.prepare(
                    repo.resolve("README.md"),
                    null,
                    Optional.empty(),
                    scratch,
                    ContextSender.CLASSIC,
                    Map.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("not a directory");
    Path empty = Files.createDirectories(temp.resolve("empty"));
    assertThatThrownBy(
            () ->
                ProjectScenario.prepare(
                    empty, null, Optional.empty(), scratch, ContextSender.CLASSIC, Map.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("no such Dockerfile");
  }
}
