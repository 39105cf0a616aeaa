package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoSpaceWatchTest {

  @Test
  void stepThatRanOutOfSpace_addsItsLineToTheBuildersError() {
    NoSpaceWatch watch = new NoSpaceWatch();
    watch.accept(" ---> Running in 1234\n");
    watch.accept("dd: error writing '/big': No space left on device\n59+0 records in\n");

    assertThat(watch.explain("The command '/bin/sh -c dd' returned a non-zero code: 1"))
        .isEqualTo(
            "The command '/bin/sh -c dd' returned a non-zero code: 1 (the step printed: dd: error"
                + " writing '/big': No space left on device)");
  }

  @Test
  void errorThatSaysSoItself_orOutputWithoutIt_isLeftAsItIs() {
    NoSpaceWatch watch = new NoSpaceWatch();
    assertThat(watch.explain("exit code 1")).isEqualTo("exit code 1");

    watch.accept("write /x: no space left on device\n");
    assertThat(watch.explain("failed to copy: no space left on device"))
        .isEqualTo("failed to copy: no space left on device");
  }
}
