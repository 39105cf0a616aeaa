package dev.layerlab.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** A monorepo-shaped file tree and the ignore file such a repository typically carries. */
public final class TreeGenerator {

  /** Thirty lines mixing literal names, {@code **}, character classes and exceptions. */
  public static final String THIRTY_PATTERNS =
      String.join(
          "\n",
          "# generated for the benchmark",
          ".git",
          "**/node_modules",
          "!web/node_modules/@acme/**",
          "**/*.log",
          "!services/*/logs/keep.log",
          "dist/**",
          "**/__pycache__",
          "*.pyc",
          "**/*.tmp",
          ".env*",
          "coverage",
          "**/target/**",
          "!**/target/*.jar",
          "docs/*.md",
          "!docs/README.md",
          "*.swp",
          "**/.DS_Store",
          "tmp/[a-f]*",
          "vendor/**/test?",
          ".idea",
          ".vscode",
          "**/*.class",
          "out",
          "**/.cache",
          "secrets/**",
          "!secrets/public/**",
          "*.bak",
          "**/*~",
          "services/legacy-*",
          "/data/raw/*");

  private static final String[] KINDS = {
    "services/%s/src/main/java/com/acme/m%d/Type%d.java",
    "services/%s/target/classes/com/acme/m%d/Type%d.class",
    "services/%s/logs/run%d-%d.log",
    "web/node_modules/lib%2$d/dist/index%3$d.js",
    "web/node_modules/@acme/ui%2$d/index%3$d.js",
    "web/src/components/%s/C%d_%d.tsx",
    "python/%s/pkg%d/__pycache__/mod%d.cpython-311.pyc",
    "python/%s/pkg%d/mod%d.py",
    "docs/%s-%d-%d.md",
    "data/raw/%s/part-%05d-%d.csv",
    "tmp/%s%d.%d.tmp",
    "secrets/public/%s/key%d_%d.pem"
  };

  private static final String[] NAMES = {
    "billing", "auth", "search", "legacy-api", "gateway", "reports", "mailer", "catalog"
  };

  private TreeGenerator() {}

  /** {@code count} distinct file paths, sorted as a walk visits them. */
  public static List<String> paths(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TreeSet<String> paths = new TreeSet<>();
    while (paths.size() < count) {
      String kind = KINDS[random.nextInt(KINDS.length)];
      String name = NAMES[random.nextInt(NAMES.length)];
      paths.add(String.format(kind, name, random.nextInt(40), random.nextInt(1_000_000)));
    }
    return new ArrayList<>(paths);
  }
}
