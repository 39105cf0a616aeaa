package dev.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where recorded build inputs live: one JSON file per context and Dockerfile, under {@code
 * $XDG_STATE_HOME/layerlab} (default {@code ~/.local/state/layerlab}), never in the project, where
 * the file would itself become part of the build context.
 */
final class StateStore {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  StateStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The store named by {@code --state-dir}, else the XDG default. */
  static StateStore at(Path override) {
    if (override != null) {
      return new StateStore(override);
    }
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return new StateStore(base.resolve("layerlab"));
  }

  Path dir() {
    return dir;
  }

  /** Refuses a store inside the context: writing there would change the next build. */
  void checkOutside(Path context) {
    Path ctx = context.toAbsolutePath().normalize();
    if (dir.startsWith(ctx)) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          "state directory "
              + dir
              + " is inside the build context "
              + ctx
              + ", so recording there would change the build; choose another --state-dir");
    }
  }

  Path fileFor(Path context, Path dockerfile) {
    return dir.resolve(key(context, dockerfile) + ".json");
  }

  /** The digest cache that makes a second snapshot of the same context fast. */
  Path digestCacheFor(Path context, Path dockerfile) {
    return dir.resolve(key(context, dockerfile) + ".digests");
  }

  Optional<BuildState> load(Path context, Path dockerfile) {
    Path file = fileFor(context, dockerfile);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      BuildState state = JSON.readValue(file.toFile(), BuildState.class);
      if (state.format() != BuildState.FORMAT) {
        return Optional.empty();
      }
      return Optional.of(state);
    } catch (IOException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          file
              + ": recorded state is unreadable ("
              + e.getMessage()
              + "); run layerlab snapshot again",
          e);
    }
  }

  Path save(Path context, Path dockerfile, BuildState state) throws IOException {
    Files.createDirectories(dir);
    Path file = fileFor(context, dockerfile);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    JSON.writeValue(tmp.toFile(), state);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static String key(Path context, Path dockerfile) {
    String text =
        context.toAbsolutePath().normalize() + "\n" + dockerfile.toAbsolutePath().normalize();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
