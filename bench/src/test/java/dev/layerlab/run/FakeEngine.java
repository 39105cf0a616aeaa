package dev.layerlab.run;

import dev.layerlab.engine.BuildOutcome;
import dev.layerlab.engine.BuildRequest;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineInfo;
import dev.layerlab.engine.RunOutcome;
import dev.layerlab.engine.RunRequest;
import dev.layerlab.measure.BuildStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An engine that builds nothing: every build succeeds with no steps, and it remembers what it was
 * asked to build and the Dockerfile's text at that moment, for tests of the runner's choices.
 */
final class FakeEngine implements Engine {

  final String builder;
  final List<String> dockerfiles = new ArrayList<>();
  final List<String> dockerfileTexts = new ArrayList<>();
  private int images;

  FakeEngine(String builder) {
    this.builder = builder;
  }

  @Override
  public EngineInfo info() {
    return new EngineInfo("fake", builder, "20.10.24", "1.41", "linux", "fake");
  }

  @Override
  public BuildOutcome build(BuildRequest request) {
    dockerfiles.add(request.dockerfile());
    try {
      dockerfileTexts.add(Files.readString(request.contextDir().resolve(request.dockerfile())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = "sha256:fake" + builder + (++images);
    return new BuildOutcome(BuildStatus.OK, 0.01, 1, id, 1, List.of(), List.of(), null);
  }

  @Override
  public RunOutcome runUntilReady(RunRequest request) {
    throw new UnsupportedOperationException("no start-ups in these tests");
  }

  @Override
  public List<String> removeImages(Collection<String> imageIds) {
    return List.of();
  }

  @Override
  public int removeContainers(String label, String value) {
    return 0;
  }

  @Override
  public void close() {}
}
