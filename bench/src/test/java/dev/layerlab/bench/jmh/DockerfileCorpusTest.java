package dev.layerlab.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.context.IgnoreRules;
import dev.layerlab.dockerfile.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileCorpusTest {

  @Test
  void generatedDockerfiles_allParse_andVary() throws Exception {
    List<String> files = DockerfileCorpus.generate(200, 20_240_501L);

    for (int i = 0; i < files.size(); i++) {
      DockerfileParser.parse(files.get(i), "generated-" + i);
    }
    assertThat(files).as("distinct texts").doesNotHaveDuplicates();
    assertThat(files.stream().filter(f -> f.contains("<<")).count())
        .as("with heredocs")
        .isPositive();
    assertThat(files.stream().filter(f -> f.contains("escape=`")).count())
        .as("backtick")
        .isPositive();
    assertThat(DockerfileCorpus.generate(3, 1L))
        .as("seeded")
        .isEqualTo(DockerfileCorpus.generate(3, 1L));
  }

  @Test
  void generatedTree_hasTheAskedSize_andThePatternsAreValid() throws Exception {
    List<String> paths = TreeGenerator.paths(5_000, 7L);
    IgnoreRules rules = IgnoreRules.parse(TreeGenerator.THIRTY_PATTERNS, ".dockerignore");

    assertThat(paths).hasSize(5_000).isSorted();
    assertThat(rules.patterns()).as("patterns").hasSize(30);
    assertThat(paths.stream().filter(rules::excludes).count())
        .as("some paths in, some out")
        .isStrictlyBetween(0L, 5_000L);
  }
}
