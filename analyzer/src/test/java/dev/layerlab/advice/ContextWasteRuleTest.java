package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.context.ContextSender;
import dev.layerlab.context.ContextSnapshot;
import dev.layerlab.context.ContextWalker;
import dev.layerlab.context.IgnoreRules;
import dev.layerlab.context.SnapshotCache;
import dev.layerlab.dockerfile.DockerfileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextWasteRuleTest {

  @TempDir Path ctx;

  private Analysis analyze(String dockerfile) throws Exception {
    Path file = ctx.resolve("Dockerfile");
    Files.writeString(file, dockerfile);
    IgnoreRules rules = IgnoreRules.forBuild(ctx, file, ContextSender.CLASSIC);
    ContextSnapshot snapshot =
        new ContextWalker(rules, SnapshotCache.none(), ContextSender.CLASSIC).snapshot(ctx);
    return Advisor.analyze(
        DockerfileParser.parse(file),
        dockerfile,
        AdviceOptions.defaults(Optional.of(ctx)).withSnapshot(snapshot));
  }

  private void write(String path, int bytes) throws Exception {
    Path p = ctx.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  @Test
  void gitAndNodeModulesAndDockerfile_measuredWithSuggestedIgnore() throws Exception {
    write(".git/objects/ab/cdef", 3000);
    write(".git/HEAD", 100);
    write("node_modules/left-pad/index.js", 2000);
    write("web/node_modules/x/y.js", 1000);
    write("server.js", 500);

    Analysis analysis = analyze("FROM node:18-slim\nWORKDIR /app\nCOPY . .\n");

    Finding f =
        analysis.findings().stream()
            .filter(x -> x.ruleId().equals("LL002"))
            .findFirst()
            .orElseThrow();
    assertThat(f.line()).as("reported at the COPY that hashes them").isEqualTo(3);
    assertThat(f.message())
        .contains("5 files")
        .contains(".git (2 files, 3.0 KiB)")
        .contains("**/node_modules (2 files, 2.9 KiB)")
        .contains("Dockerfile (1 file");
    assertThat(analysis.suggestedDockerignore()).contains(".git\n**/node_modules\nDockerfile\n");
  }

  @Test
  void ignoredAndNeededPaths_areNotReported() throws Exception {
    write(".git/HEAD", 100);
    write("target/app.jar", 5000);
    write("pom.xml", 10);
    Files.writeString(ctx.resolve(".dockerignore"), ".git\nDockerfile\n");

    Analysis analysis = analyze("FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n");

    assertThat(analysis.findings()).extracting(Finding::ruleId).doesNotContain("LL002");
  }

  @Test
  void withoutSnapshot_ruleIsSilent() throws Exception {
    write(".git/HEAD", 100);
    String text = "FROM debian:12\nCOPY . .\n";

    Analysis analysis =
        Advisor.analyze(
            DockerfileParser.parse(text, "Dockerfile"),
            text,
            AdviceOptions.defaults(Optional.of(ctx)));

    assertThat(analysis.findings()).extracting(Finding::ruleId).doesNotContain("LL002");
  }
}
