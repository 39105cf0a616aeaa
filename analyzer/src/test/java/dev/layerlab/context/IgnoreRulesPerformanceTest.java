package dev.layerlab.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A monorepo-sized tree must not make the matcher the slow part of a snapshot. */
class IgnoreRulesPerformanceTest {

  private static final String THIRTY_PATTERNS =
      String.join(
          "\n",
          "node_modules",
          "**/node_modules",
          ".git",
          "**/*.log",
          "!important.log",
          "dist/**",
          "build",
          "**/__pycache__",
          "*.pyc",
          "**/*.tmp",
          ".env*",
          "coverage",
          "**/target/**",
          "!**/target/keep/**",
          "docs/*.md",
          "!docs/README.md",
          "*.swp",
          "**/.DS_Store",
          "tmp/[a-z]*",
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
          "logs");

  @Test
  void hundredThousandPathsAgainstThirtyPatterns_matchInWellUnderASecondEach() throws Exception {
    IgnoreRules rules = IgnoreRules.parse(THIRTY_PATTERNS, ".dockerignore");
    List<String> paths = new ArrayList<>();
    for (int i = 0; paths.size() < 100_000; i++) {
      paths.add("pkg" + (i % 50) + "/src/module" + (i % 700) + "/file" + i + ".py");
      paths.add("pkg" + (i % 50) + "/node_modules/lib" + (i % 90) + "/index" + i + ".js");
    }

    long start = System.nanoTime();
    int excluded = 0;
    for (String path : paths) {
      if (rules.excludes(path)) {
        excluded++;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("100000 paths x 30 patterns: " + millis + " ms, " + excluded + " excluded");

    assertThat(excluded).as("node_modules paths excluded").isEqualTo(50_000);
    assertThat(millis).as("milliseconds for 100,000 look-ups").isLessThan(10_000);
  }
}
