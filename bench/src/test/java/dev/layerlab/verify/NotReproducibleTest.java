package dev.layerlab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotReproducibleTest {

  @Test
  void pathsTheOriginalsDisagreeOn_andNewFilesInTheirDirectories_areExpected() {
    NotReproducible noise =
        NotReproducible.from(
            List.of(
                new Difference("/usr/lib/x.pyc", "content differs", ""),
                new Difference("/root/.npm/_logs/t1-debug.log", "only in the original", "")),
            ExpectedDifferences.none());

    assertThat(noise.changedInRewrite("/usr/lib/x.pyc")).isPresent();
    assertThat(noise.addedInRewrite("/root/.npm/_logs/t3-debug.log"))
        .as("a log named after another time, in the directory where the originals differed")
        .isPresent();
    assertThat(noise.changedInRewrite("/app/main.py"))
        .as("a file both originals agree on must match in the rewrite")
        .isEmpty();
    assertThat(noise.addedInRewrite("/app/new.py")).isEmpty();
  }
}
