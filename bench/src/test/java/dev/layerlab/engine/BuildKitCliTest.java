package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitCliTest {

  @Test
  void majorVersion_isReadFromDistributionVersions() {
    assertThat(BuildKitCli.major("20.10.24+dfsg1")).isEqualTo(20);
    assertThat(BuildKitCli.major("28.2.2")).isEqualTo(28);
    assertThat(BuildKitCli.major("dev")).isEqualTo(-1);
  }

  @Test
  void legacyClient_buildsWithTheEnvironmentSwitch_buildxWithTheSubcommand() {
    BuildKitCli legacy = new BuildKitCli(Path.of("/usr/bin/docker"), "20.10.24", false);
    BuildKitCli buildx = new BuildKitCli(Path.of("/usr/local/bin/docker"), "28.2.2", true);

    assertThat(legacy.buildCommand()).containsExactly("/usr/bin/docker", "build");
    assertThat(legacy.buildEnvironment()).containsEntry("DOCKER_BUILDKIT", "1");
    assertThat(buildx.buildCommand())
        .containsExactly("/usr/local/bin/docker", "buildx", "build", "--load");
    assertThat(buildx.buildEnvironment()).isEmpty();
    assertThat(legacy.describe()).contains("DOCKER_BUILDKIT=1");
  }

  @Test
  void noUsableCandidate_saysWhatToInstall() {
    assertThatThrownBy(() -> BuildKitCli.find(List.of(Path.of("/nonexistent/docker"))))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("buildx");
  }
}
