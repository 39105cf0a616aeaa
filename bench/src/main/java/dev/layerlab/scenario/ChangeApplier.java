package dev.layerlab.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a change pattern to a scratch copy by appending a comment line that carries a token
 * unique to the build. A comment keeps the project working (the app still starts, the manifest
 * still installs) while changing the file's content, which is all the build cache looks at.
 */
public final class ChangeApplier {

  private static final Map<String, String> COMMENT_BY_EXTENSION =
      Map.ofEntries(
          Map.entry("py", "#"),
          Map.entry("txt", "#"),
          Map.entry("toml", "#"),
          Map.entry("cfg", "#"),
          Map.entry("ini", "#"),
          Map.entry("yaml", "#"),
          Map.entry("yml", "#"),
          Map.entry("properties", "#"),
          Map.entry("sh", "#"),
          Map.entry("rb", "#"),
          Map.entry("r", "#"),
          Map.entry("js", "//"),
          Map.entry("mjs", "//"),
          Map.entry("cjs", "//"),
          Map.entry("ts", "//"),
          Map.entry("java", "//"),
          Map.entry("go", "//"),
          Map.entry("rs", "//"),
          Map.entry("kt", "//"),
          Map.entry("c", "//"),
          Map.entry("h", "//"),
          Map.entry("cpp", "//"),
          Map.entry("cs", "//"),
          Map.entry("php", "//"));

  private ChangeApplier() {}

  /** The line-comment marker for a file, if layerlab knows one for its kind. */
  public static Optional<String> commentPrefix(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    if (base.equals("Dockerfile") || base.startsWith("Dockerfile.") || base.equals("Gemfile")) {
      return Optional.of("#");
    }
    int dot = base.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        COMMENT_BY_EXTENSION.get(base.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /**
   * Edits {@code relativeFile} under {@code root} by appending a comment with {@code token}.
   *
   * @return the file's previous content, to restore it afterwards
   */
  public static byte[] apply(Path root, String relativeFile, String token) throws IOException {
    Path target = root.resolve(relativeFile);
    byte[] before = Files.readAllBytes(target);
    String prefix =
        commentPrefix(relativeFile)
            .orElseThrow(() -> new IOException("no comment syntax known for " + relativeFile));
    String text = new String(before, StandardCharsets.UTF_8);
    String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    Files.writeString(
        target,
        text + separator + prefix + " layerlab edit " + token + "\n",
        StandardCharsets.UTF_8);
    return before;
  }
}
