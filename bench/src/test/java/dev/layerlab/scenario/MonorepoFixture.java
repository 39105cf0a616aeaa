package dev.layerlab.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A monorepo as a team has it on disk: npm workspaces at the root with a package in {@code
 * packages/api}, a Python service in {@code services/worker}, a real {@code .git} made by running
 * git, build output and installed dependencies, and two Dockerfiles (the API's and the worker's).
 */
final class MonorepoFixture {

  static final String API_DOCKERFILE =
      """
      FROM node:18-bookworm-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      COPY packages/api/package.json packages/api/
      RUN npm ci
      COPY . .
      CMD ["node", "packages/api/src/index.js"]
      """;

  static final String WORKER_DOCKERFILE =
      """
      FROM python:3.11-slim
      WORKDIR /app
      COPY services/worker/requirements.txt services/worker/
      RUN pip install --no-cache-dir -r services/worker/requirements.txt
      COPY services/worker/ services/worker/
      CMD ["python", "services/worker/worker.py"]
      """;

  static final String DOCKERIGNORE =
      """
      # installed dependencies and build output
      node_modules
      **/node_modules
      dist
      **/dist
      target
      **/__pycache__
      docs
      compose.yaml
      """;

  private MonorepoFixture() {}

  static Path create(Path root) throws IOException, InterruptedException {
    write(
        root,
        "package.json",
        "{\n  \"name\": \"mono\",\n  \"private\": true,\n"
            + "  \"workspaces\": [\"packages/*\"]\n}\n");
    write(root, "package-lock.json", "{\n  \"name\": \"mono\",\n  \"lockfileVersion\": 3\n}\n");
    write(
        root,
        "packages/api/package.json",
        "{\n  \"name\": \"@mono/api\",\n  \"version\": \"1.0.0\"\n}\n");
    write(root, "packages/api/src/index.js", "require('./routes/users');\n");
    write(root, "packages/api/src/routes/users.js", "module.exports = [];\n");
    write(root, "packages/api/tsconfig.json", "{\n  \"compilerOptions\": {}\n}\n");
    write(root, "packages/api/dist/index.js", "// built\n");
    write(root, "packages/api/node_modules/left-pad/index.js", "module.exports = 1;\n");
    write(root, "node_modules/express/index.js", "module.exports = {};\n");
    write(root, "node_modules/express/package.json", "{\"name\": \"express\"}\n");
    write(root, "dist/bundle.js", "// bundle\n");
    write(root, "target/classes/App.class", "cafebabe");
    write(root, "services/worker/requirements.txt", "six==1.16.0\n");
    write(root, "services/worker/worker.py", "print('worker ready')\n");
    write(root, "services/worker/__pycache__/worker.cpython-311.pyc", "pyc");
    write(root, "services/worker/config/settings.yaml", "queue: jobs\n");
    write(root, "config/app.yaml", "port: 8080\n");
    write(root, "compose.yaml", "services: {}\n");
    write(root, "README.md", "# mono\n");
    write(root, "docs/guide.md", "# guide\n");
    write(root, ".github/workflows/ci.yml", "on: push\n");
    write(root, ".gitignore", "node_modules\ndist\ntarget\n__pycache__\n");
    write(root, ".dockerignore", DOCKERIGNORE);
    write(root, "Dockerfile", API_DOCKERFILE);
    write(root, "Dockerfile.worker", WORKER_DOCKERFILE);
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(
        root,
        "-c",
        "user.name=Fixture",
        "-c",
        "user.email=fixture@example.invalid",
        "commit",
        "-q",
        "-m",
        "first");
    return root;
  }

  static void write(Path root, String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + out);
    }
  }

  /** A digest of every path, file content, mode and link target under {@code root}. */
  static String digest(Path root) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted().toList()) {
          sha.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
          if (Files.isSymbolicLink(p)) {
            sha.update(Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
          } else if (Files.isRegularFile(p)) {
            sha.update(Files.readAllBytes(p));
            sha.update(
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p))
                    .getBytes(StandardCharsets.UTF_8));
          }
          sha.update((byte) 1);
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
