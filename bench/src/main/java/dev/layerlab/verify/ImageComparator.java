package dev.layerlab.verify;

import dev.layerlab.engine.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares the original's image with the rewrite's; pure, so it is tested without Docker. */
public final class ImageComparator {

  private static final List<String> CONFIG_ORDER =
      List.of("Cmd", "Entrypoint", "Env", "WorkingDir", "User", "ExposedPorts");

  private ImageComparator() {}

  public static Comparison compare(
      Map<String, FileEntry> original,
      Map<String, FileEntry> rewrite,
      ImageConfig originalConfig,
      ImageConfig rewriteConfig,
      ExpectedDifferences expected) {
    List<Difference> differences = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(original.keySet());
    paths.addAll(rewrite.keySet());

    for (String path : paths) {
      FileEntry before = original.get(path);
      FileEntry after = rewrite.get(path);
      if (after == null) {
        differences.add(
            new Difference(
                path, "only in the original", expected.missingFromRewrite(path).orElse("")));
      } else if (before == null) {
        differences.add(
            new Difference(path, "only in the rewrite", expected.addedInRewrite(path).orElse("")));
      } else {
        String why = before.differenceFrom(after);
        if (!why.isEmpty()) {
          differences.add(new Difference(path, why, expected.changedInRewrite(path).orElse("")));
        }
      }
    }

    Map<String, Object> a = originalConfig.fields();
    Map<String, Object> b = rewriteConfig.fields();
    for (String field : CONFIG_ORDER) {
      if (!a.get(field).equals(b.get(field))) {
        differences.add(
            new Difference("config." + field, a.get(field) + " -> " + b.get(field), ""));
      }
    }
    return new Comparison(paths.size(), differences);
  }
}
