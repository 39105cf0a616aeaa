package dev.layerlab.cache;

import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/** A small project in a temporary directory, and the build inputs it gives each builder. */
final class Project {

  private final Path dir;
  private Map<String, String> buildArgs = Map.of();

  Project(Path dir) {
    this.dir = dir;
  }

  Project file(String path, String content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Project dockerfile(String... lines) {
    return file("Dockerfile", String.join("\n", lines) + "\n");
  }

  Project chmod(String path, String perms) {
    try {
      Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString(perms));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Project touch(String path) {
    try {
      Path file = dir.resolve(path);
      Files.setLastModifiedTime(
          file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Project buildArgs(Map<String, String> args) {
    this.buildArgs = args;
    return this;
  }

  /** The inputs a build would have now, as the builder's client would send them. */
  BuildInputs inputs(CacheSemantics semantics) {
    try {
      Path dockerfile = dir.resolve("Dockerfile");
      ContextSender sender = semantics.isClassic() ? ContextSender.CLASSIC : ContextSender.BUILDKIT;
      IgnoreRules rules = IgnoreRules.forBuild(dir, dockerfile, sender);
      ContextSnapshot snapshot =
          new ContextWalker(rules, dev.layerlab.context.SnapshotCache.none(), sender).snapshot(dir);
      return BuildInputs.of(DockerfileParser.parse(dockerfile), snapshot).withBuildArgs(buildArgs);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hit or miss per step, as "line:HIT" strings, for compact assertions. */
  static List<String> outcomes(List<StepPrediction> steps) {
    return steps.stream().map(s -> s.line() + ":" + (s.hit() ? "HIT" : "MISS")).toList();
  }
}
