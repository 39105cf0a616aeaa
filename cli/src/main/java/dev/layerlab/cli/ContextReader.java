package dev.layerlab.cli;

import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreFileException;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.DockerfileException;
import dev.layerlab.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what a build of a directory would use now, for the snapshot and predict commands. */
final class ContextReader {

  final Path context;
  final Path dockerfile;
  private final StateStore store;

  ContextReader(Path dir, Path dockerfileOption, StateStore store) {
    this.context = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(context)) {
      throw new Failure(ExitCodes.BAD_INPUT, dir + ": not a directory (name the build context)");
    }
    Path file = dockerfileOption == null ? context.resolve("Dockerfile") : dockerfileOption;
    this.dockerfile = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dockerfile)) {
      throw new Failure(ExitCodes.BAD_INPUT, dockerfile + ": no such Dockerfile (name it with -f)");
    }
    this.store = store;
    store.checkOutside(context);
  }

  String dockerfileText() {
    try {
      return Files.readString(dockerfile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, dockerfile + ": cannot read: " + e.getMessage(), e);
    }
  }

  static Dockerfile parse(String text, String name) {
    try {
      return DockerfileParser.parse(text, name);
    } catch (DockerfileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
  }

  IgnoreRules rules(ContextSender sender) {
    try {
      return IgnoreRules.forBuild(context, dockerfile, sender);
    } catch (IgnoreFileException e) {
      throw new Failure(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, "cannot read the ignore file: " + e.getMessage(), e);
    }
  }

  /** The context as {@code sender} would send it, reusing digests of unchanged files. */
  ContextSnapshot snapshot(ContextSender sender) {
    Path cacheFile = store.digestCacheFor(context, dockerfile);
    SnapshotCache cache = SnapshotCache.load(cacheFile);
    try {
      ContextSnapshot snapshot = new ContextWalker(rules(sender), cache, sender).snapshot(context);
      Files.createDirectories(store.dir());
      cache.save(cacheFile);
      return snapshot;
    } catch (IOException e) {
      throw new Failure(ExitCodes.BAD_INPUT, "cannot read the context: " + e.getMessage(), e);
    }
  }

  /** Whether both clients read the same ignore file, so one walk serves both. */
  boolean sameRules() {
    return rules(ContextSender.CLASSIC).source().equals(rules(ContextSender.BUILDKIT).source());
  }

  static Map<String, String> buildArgs(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        // Like docker build, a bare name takes its value from the environment.
        String value = System.getenv(pair);
        if (value != null) {
          out.put(pair, value);
        }
        continue;
      }
      out.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return out;
  }
}
