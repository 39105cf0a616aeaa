package dev.layerlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Docker daemon of a test's own, under a directory of its own (data, exec root, pid file, socket
 * and configuration), so that a test can stop it, fill its disk and start it again without touching
 * the machine's daemon. Needs root and {@code dockerd}.
 */
final class PrivateDaemon implements AutoCloseable {

  /** The client used to talk to it; 20.10 from Debian, which also builds with BuildKit. */
  static final String DOCKER =
      Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";

  private final Path root;
  private final long dataBytes;
  private Process process;

  /**
   * @param root an empty directory with a short path (socket paths are limited to 108 bytes)
   * @param dataBytes when positive, the data root is a tmpfs of this size, so that it can fill
   */
  PrivateDaemon(Path root, long dataBytes) {
    this.root = root;
    this.dataBytes = dataBytes;
  }

  /** Why this machine cannot run a private daemon, or empty when it can. */
  static String unavailable() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      id.waitFor();
      if (!uid.equals("0")) {
        return "a private dockerd needs root (running as uid " + uid + ")";
      }
      Process which = new ProcessBuilder("sh", "-c", "command -v dockerd").start();
      if (which.waitFor() != 0) {
        return "no dockerd on the PATH";
      }
      return "";
    } catch (IOException e) {
      return "cannot look for dockerd: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  String host() {
    return "unix://" + root.resolve("docker.sock");
  }

  Path root() {
    return root;
  }

  /** Starts the daemon (again, on the same data) and waits until it answers. */
  void start() throws Exception {
    Path data = root.resolve("data");
    if (!Files.exists(data)) {
      Files.createDirectories(data);
      Files.createDirectories(root.resolve("exec"));
      Files.writeString(root.resolve("daemon.json"), "{}\n");
      if (dataBytes > 0) {
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + dataBytes, "tmpfs", data.toString()));
      }
    }
    process =
        new ProcessBuilder(
                "dockerd",
                "--config-file",
                root.resolve("daemon.json").toString(),
                "--data-root",
                data.toString(),
                "--exec-root",
                root.resolve("exec").toString(),
                "--pidfile",
                root.resolve("docker.pid").toString(),
                "-H",
                host(),
                "--bridge=none",
                "--iptables=false",
                "--ip6tables=false",
                "--ip-masq=false",
                "--cgroup-parent=layerlab-test")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("dockerd.log").toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("dockerd exited: " + log());
      }
      if (docker("version", "--format", "{{.Server.Version}}").exitCode() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("dockerd did not answer within 60 s: " + log());
  }

  /** Stops the daemon as a service manager would (SIGTERM), killing it if it lingers. */
  void stop() throws Exception {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroy();
        try {
          child.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          child.destroyForcibly();
        }
      }
    }
  }

  /** Runs the docker client against this daemon. */
  Result docker(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(DOCKER, "-H", host()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** An image of a few MB for {@code FROM}: the host's {@code sh} and a few tools, imported. */
  void importBase(String name) throws Exception {
    Path tar = root.resolve("base.tar");
    Result made =
        run(
            List.of(
                "bash",
                "-c",
                "set -e; files='/bin/sh /usr/bin/sleep /usr/bin/dd /usr/bin/cat /usr/bin/ls';"
                    + " libs=$(for f in $files; do ldd $f | grep -o '/[^ ]*'; done | sort -u);"
                    + " tar -chf "
                    + tar
                    + " $files $libs 2>/dev/null"));
    if (made.exitCode() != 0) {
      throw new IllegalStateException("cannot make the base image: " + made.output());
    }
    Result imported = docker("import", tar.toString(), name);
    if (imported.exitCode() != 0) {
      throw new IllegalStateException("cannot import the base image: " + imported.output());
    }
  }

  /** The ids of images or containers ({@code kind}: image or ps) carrying a label. */
  List<String> labelled(String kind, String label) throws Exception {
    Result r =
        kind.equals("ps")
            ? docker("ps", "-a", "-q", "--filter", "label=" + label)
            : docker("images", "-a", "-q", "--filter", "label=" + label);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("docker " + kind + " failed: " + r.output());
    }
    return r.output().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Untagged images ({@code images}) or containers of any state ({@code ps}) on this daemon. */
  List<String> untaggedOrAny(String kind) throws Exception {
    Result r =
        kind.equals("ps")
            ? docker("ps", "-a", "--format", "{{.ID}} {{.Image}} {{.Status}}")
            : docker("images", "-a", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}");
    if (r.exitCode() != 0) {
      throw new IllegalStateException("docker " + kind + " failed: " + r.output());
    }
    return r.output()
        .lines()
        .filter(l -> !l.isBlank())
        .filter(l -> kind.equals("ps") || l.endsWith("<none>:<none>"))
        .toList();
  }

  String log() throws IOException {
    Path log = root.resolve("dockerd.log");
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  /** Stops the daemon, unmounts whatever it left mounted under its directory and removes it. */
  @Override
  public void close() throws Exception {
    try {
      stop();
    } finally {
      List<String> mounts = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String[] f = line.split(" ");
        if (f.length > 1 && f[1].startsWith(root.toString())) {
          mounts.add(f[1]);
        }
      }
      mounts.sort(java.util.Comparator.reverseOrder());
      for (String m : mounts) {
        run(List.of("umount", "-l", m));
      }
      run(List.of("rm", "-rf", "--one-file-system", root.toString()));
    }
  }

  record Result(int exitCode, String output) {}

  static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, out + " (timed out)");
    }
    return new Result(p.exitValue(), out);
  }
}
