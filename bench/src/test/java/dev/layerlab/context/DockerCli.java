package dev.layerlab.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one {@code docker} client binary and returns what it printed; for tests only. */
final class DockerCli {

  /** What a finished command left behind. */
  record Result(int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8).strip();
    }
  }

  private final String binary;

  DockerCli(String binary) {
    this.binary = binary;
  }

  /** The client first on the PATH. */
  static DockerCli onPath() {
    return new DockerCli("docker");
  }

  /** Debian's 20.10 client, the one that can still run BuildKit without buildx. */
  static DockerCli debian() {
    return new DockerCli("/usr/bin/docker");
  }

  boolean exists() {
    return !binary.startsWith("/") || Files.isExecutable(Path.of(binary));
  }

  String binary() {
    return binary;
  }

  Result run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
      byte[] out = drain(process.getInputStream());
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + ": no answer in 5 minutes");
      }
      return new Result(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs a command that must succeed; its failure names the command and Docker's message. */
  String ok(Map<String, String> env, String... args) {
    Result result = run(env, args);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          binary + " " + String.join(" ", args) + " failed: " + result.stderr().strip());
    }
    return result.out();
  }

  String ok(String... args) {
    return ok(Map.of(), args);
  }

  private static byte[] drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
