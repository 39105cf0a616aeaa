package dev.layerlab.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Dockerfiles to parse in benchmarks: the BuildKit parser cases and the scenarios' files where they
 * can be found, plus generated ones shaped like real projects (one or more stages, dependency
 * installs split over continuation lines, heredocs, JSON and shell forms, comments, directives).
 * Generation is seeded, so every run parses the same text.
 */
public final class DockerfileCorpus {

  private static final String[][] ECOSYSTEMS = {
    {"node:20-bookworm", "package.json package-lock.json", "npm ci --omit=dev", "npm run build"},
    {"python:3.11-slim", "requirements.txt", "pip install --no-cache-dir -r requirements.txt", ""},
    {"maven:3.9-eclipse-temurin-17", "pom.xml", "mvn -B dependency:go-offline", "mvn -B package"},
    {"golang:1.22", "go.mod go.sum", "go mod download", "go build -o /out/app ./cmd/app"},
    {"rust:1.77", "Cargo.toml Cargo.lock", "cargo fetch", "cargo build --release"},
    {"ruby:3.3", "Gemfile Gemfile.lock", "bundle install --jobs 4", ""}
  };

  private DockerfileCorpus() {}

  /** The files found on disk plus generated ones, at least {@code atLeast} in all. */
  public static List<String> load(Path peerDir, Path scenariosDir, int atLeast) throws IOException {
    List<String> corpus = new ArrayList<>();
    corpus.addAll(read(peerDir.resolve("buildkit-parser"), 2, "Dockerfile"));
    corpus.addAll(read(scenariosDir, 3, "Dockerfile"));
    corpus.addAll(generate(Math.max(200, atLeast - corpus.size()), 20_240_501L));
    return corpus;
  }

  private static List<String> read(Path dir, int depth, String namePrefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir, depth)) {
      List<Path> found =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().startsWith(namePrefix))
              .sorted()
              .toList();
      List<String> texts = new ArrayList<>();
      for (Path p : found) {
        texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
      return texts;
    }
  }

  /** {@code count} generated Dockerfiles, the same ones for the same seed. */
  public static List<String> generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      files.add(one(random, i));
    }
    return files;
  }

  private static String one(SplittableRandom r, int index) {
    StringBuilder d = new StringBuilder();
    if (r.nextInt(3) == 0) {
      d.append("# syntax=docker/dockerfile:1\n");
    }
    if (r.nextInt(10) == 0) {
      d.append("# escape=`\n");
      return escapedWithBacktick(d, index);
    }
    String[] eco = ECOSYSTEMS[r.nextInt(ECOSYSTEMS.length)];
    d.append("# Service ").append(index).append(": built from ").append(eco[0]).append("\n");
    d.append("ARG BASE=").append(eco[0]).append("\nARG VERSION=1.").append(index).append("\n\n");
    boolean multiStage = r.nextBoolean();
    d.append("FROM ${BASE}").append(multiStage ? " AS build" : "").append("\n");
    d.append("WORKDIR /src\n");
    d.append("ENV LANG=C.UTF-8 \\\n    TZ=UTC \\\n    APP_HOME=/src\n");
    aptInstall(d, r);
    d.append("COPY ").append(eco[1]).append(" ./\n");
    d.append("RUN --mount=type=cache,target=/root/.cache ").append(eco[2]).append("\n");
    int extra = r.nextInt(12);
    for (int i = 0; i < extra; i++) {
      extraStep(d, r, i);
    }
    d.append("COPY --chown=1000:1000 . .\n");
    if (!eco[3].isEmpty()) {
      d.append("RUN ").append(eco[3]).append(" && \\\n    echo built ${VERSION}\n");
    }
    if (multiStage) {
      d.append("\nFROM debian:bookworm-slim\n");
      d.append("LABEL org.opencontainers.image.version=\"${VERSION}\" \\\n");
      d.append("      org.opencontainers.image.title=\"service-").append(index).append("\"\n");
      d.append("COPY --from=build /src /app\n");
      d.append("USER 1000:1000\n");
    }
    d.append("EXPOSE ").append(8000 + r.nextInt(1000)).append("\n");
    if (r.nextBoolean()) {
      d.append("HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/health\n");
    }
    d.append(
        r.nextBoolean()
            ? "ENTRYPOINT [\"/app/bin/start\", \"--port\", \"8080\"]\n"
            : "CMD /app/bin/start --port 8080\n");
    return d.toString();
  }

  private static void aptInstall(StringBuilder d, SplittableRandom r) {
    String[] packages = {"curl", "ca-certificates", "git", "build-essential", "libpq-dev", "jq"};
    d.append("RUN apt-get update \\\n");
    d.append("    && apt-get install -y --no-install-recommends \\\n");
    int n = 1 + r.nextInt(packages.length);
    for (int i = 0; i < n; i++) {
      d.append("        ").append(packages[i]).append(" \\\n");
    }
    d.append("    && rm -rf /var/lib/apt/lists/*\n");
  }

  private static void extraStep(StringBuilder d, SplittableRandom r, int i) {
    switch (r.nextInt(7)) {
      case 0 -> d.append("# step ").append(i).append(": generated configuration\n");
      case 1 ->
          d.append("RUN <<EOF\nset -e\nmkdir -p /etc/app\necho \"step ")
              .append(i)
              .append("\" > /etc/app/step")
              .append(i)
              .append("\nEOF\n");
      case 2 ->
          d.append("COPY <<-CONF /etc/app/conf").append(i).append(".ini\n\tkey=value\n\tCONF\n");
      case 3 ->
          d.append("ENV FEATURE_").append(i).append("=\"on\" LEVEL_").append(i).append("=3\n");
      case 4 -> d.append("ARG OPTION_").append(i).append("=default\n");
      case 5 -> d.append("RUN [\"sh\", \"-c\", \"echo ").append(i).append(" >> /tmp/steps\"]\n");
      default -> d.append("ADD --chmod=644 config/").append(i).append(".yaml /etc/app/\n");
    }
  }

  private static String escapedWithBacktick(StringBuilder d, int index) {
    d.append("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n");
    d.append("SHELL [\"powershell\", \"-Command\"]\n");
    d.append("WORKDIR C:\\app\n");
    d.append("RUN Invoke-WebRequest https://example.invalid/tool.zip -OutFile tool.zip ; `\n");
    d.append("    Expand-Archive tool.zip -DestinationPath C:\\tools ; `\n");
    d.append("    Remove-Item tool.zip\n");
    d.append("COPY app/ C:\\app\\\n");
    d.append("ENV SERVICE=").append(index).append("\n");
    d.append("CMD [\"C:\\\\app\\\\run.exe\"]\n");
    return d.toString();
  }
}
