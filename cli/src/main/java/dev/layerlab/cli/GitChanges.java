package dev.layerlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The files changed since a git revision, from {@code git diff --name-status}, relative to the
 * context directory. Untracked files are not listed by git and so not seen.
 */
final class GitChanges {

  /** One changed path: {@code M}odified (or type-changed), {@code A}dded, {@code D}eleted. */
  record Change(char status, String path) {}

  private GitChanges() {}

  static List<Change> since(Path dir, String ref) {
    if (run(dir, "rev-parse", "--is-inside-work-tree").isEmpty()) {
      throw new Failure(
          ExitCodes.BAD_INPUT,
          dir + " is not inside a git repository, so --since cannot be used; try --change PATH");
    }
    String out =
        run(dir, "diff", "--name-status", "--no-renames", "--relative", ref, "--")
            .orElseThrow(
                () ->
                    new Failure(
                        ExitCodes.BAD_INPUT,
                        "git does not know the revision '" + ref + "' in " + dir));
    List<Change> changes = new ArrayList<>();
    for (String line : out.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        continue;
      }
      char status = line.charAt(0) == 'T' ? 'M' : line.charAt(0);
      changes.add(new Change(status, line.substring(tab + 1)));
    }
    return changes;
  }

  /** The file's text at {@code ref}, if it existed there. */
  static Optional<String> show(Path dir, String ref, String relativePath) {
    return run(dir, "show", ref + ":./" + relativePath);
  }

  private static Optional<String> run(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      throw new Failure(
          ExitCodes.BAD_INPUT, "cannot run git (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(ExitCodes.INTERRUPTED, "interrupted while running git", e);
    }
  }
}
