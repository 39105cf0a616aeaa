package dev.layerlab.engine.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Asks the docker CLI what is left after the cases, to check clean-up independently. */
final class Docker {

  private Docker() {}

  static List<String> imagesLabelled(String label, String value) throws Exception {
    return run("images", "-q", "--filter", "label=" + label + "=" + value);
  }

  /** The given image ids that still exist. */
  static List<String> existing(List<String> ids) throws Exception {
    List<String> left = new ArrayList<>();
    for (String id : ids) {
      if (!run("image", "inspect", "--format", "{{.Id}}", id).isEmpty()) {
        left.add(id);
      }
    }
    return left;
  }

  private static List<String> run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/docker"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? out.lines().filter(l -> !l.isBlank()).toList() : List.of();
  }
}
