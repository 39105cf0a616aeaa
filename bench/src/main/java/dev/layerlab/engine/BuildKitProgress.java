package dev.layerlab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's plain progress output ({@code --progress=plain}) into the Dockerfile steps it
 * ran.
 *
 * <p>Each vertex of the build graph is a numbered group of lines: {@code #7 [build 3/5] COPY a.txt
 * ./} names it, then {@code #7 CACHED}, {@code #7 DONE 0.4s}, {@code #7 ERROR: ...} or {@code #7
 * CANCELED} ends it; lines such as {@code #7 0.076 text} are the step's own output. BuildKit prints
 * a vertex's name again whenever its output resumes after another vertex's, so a name seen before
 * is not a new step. Only vertices named {@code [stage i/n] INSTRUCTION} are Dockerfile steps;
 * {@code [internal] ...}, {@code exporting to image} and the like are skipped, except that the size
 * of the transferred context is read from {@code [internal] load build context}.
 *
 * <p>Lines that do not start with {@code #} come after the progress, when the build failed; the
 * last of them that reads as an error is the build's error.
 *
 * <p>The same vertex can serve several stages (two stages {@code FROM} one image share one), and
 * BuildKit then prints it under one of the stages only, not always the same one.
 */
public final class BuildKitProgress {

  private static final Pattern VERTEX_LINE = Pattern.compile("^#(\\d+) (.*)$");
  private static final Pattern STEP_NAME =
      Pattern.compile("^\\[([^\\]]*?)\\s*(\\d+)/(\\d+)\\] (.*)$");
  private static final Pattern DONE = Pattern.compile("^DONE (\\d+(?:\\.\\d+)?)s$");
  private static final Pattern DIGEST = Pattern.compile("^sha256:[0-9a-f]{64}$");
  private static final Pattern LOG = Pattern.compile("^\\d+\\.\\d+ (.*)$");
  private static final Pattern CONTEXT_SIZE =
      Pattern.compile("^transferring context: (\\d+(?:\\.\\d+)?)([kMGT]?B)\\b.*$");
  private static final Pattern IMAGE =
      Pattern.compile("^writing image (sha256:[0-9a-f]{64})\\b.*$");

  /** How a step ended. */
  public enum Status {
    /** Still running when the output ended, or its end was not printed. */
    RUNNING,
    CACHED,
    DONE,
    ERROR,
    CANCELED
  }

  /**
   * One Dockerfile step as BuildKit reported it.
   *
   * @param vertex BuildKit's number for the vertex ({@code #N})
   * @param stage the stage label BuildKit printed: the stage's name, {@code stage-N} for an unnamed
   *     stage of a multi-stage file, or empty for a single unnamed stage
   * @param position the step's position in its stage, {@code i} of {@code [i/n]}
   * @param total {@code n} of {@code [i/n]}
   * @param instruction the instruction as BuildKit printed it (variables may be expanded)
   * @param status how it ended
   * @param seconds BuildKit's own duration from {@code DONE}, else the time the client saw from the
   *     step's first line to its last
   * @param clientSeconds the time the client saw from the step's first line to its last (its {@code
   *     DONE}, {@code CACHED} or {@code ERROR} line)
   * @param engineSeconds BuildKit's own duration from {@code DONE}; empty without that line
   * @param error the step's error message, empty unless status is ERROR
   * @param output the step's last output lines
   */
  public record Step(
      int vertex,
      String stage,
      int position,
      int total,
      String instruction,
      Status status,
      double seconds,
      double clientSeconds,
      java.util.OptionalDouble engineSeconds,
      String error,
      List<String> output) {

    public Step {
      output = List.copyOf(output);
    }

    /** The instruction keyword, upper case, e.g. {@code COPY}. */
    public String keyword() {
      int space = instruction.indexOf(' ');
      return (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** The bracketed label BuildKit printed, e.g. {@code [build 3/5]}. */
    public String label() {
      return "[" + (stage.isEmpty() ? "" : stage + " ") + position + "/" + total + "]";
    }
  }

  private final StringBuilder pending = new StringBuilder();
  private final Map<Integer, Vertex> vertices = new LinkedHashMap<>();
  private final List<String> trailer = new ArrayList<>();
  private long contextBytes = -1;
  private String imageId = "";

  /** Parses a complete captured output. */
  public static BuildKitProgress of(String output) {
    BuildKitProgress progress = new BuildKitProgress();
    progress.accept(output, 0);
    progress.finish(0);
    return progress;
  }

  /** Feeds a chunk of output received at {@code nanos}; chunks may split lines. */
  public void accept(String chunk, long nanos) {
    pending.append(chunk);
    int newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, newline);
      pending.delete(0, newline + 1);
      line(line.stripTrailing(), nanos);
    }
  }

  /** Reads what is left of a last unterminated line; call once when the output ends. */
  public void finish(long nanos) {
    if (pending.length() > 0) {
      line(pending.toString().stripTrailing(), nanos);
      pending.setLength(0);
    }
  }

  /** The Dockerfile steps in the order BuildKit first printed them. */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    for (Vertex v : vertices.values()) {
      if (v.isStep) {
        steps.add(v.toStep());
      }
    }
    return List.copyOf(steps);
  }

  /** The first step that failed, if one did. */
  public Optional<Step> failedStep() {
    return steps().stream().filter(s -> s.status() == Status.ERROR).findFirst();
  }

  /**
   * The build's error: the last line after the progress that reads as one (prefix {@code ERROR:}
   * removed), else the last such line, else a failed step's message; empty when none was printed.
   */
  public String error() {
    for (int i = trailer.size() - 1; i >= 0; i--) {
      String line = trailer.get(i);
      if (line.startsWith("ERROR:")) {
        return line.substring("ERROR:".length()).strip();
      }
    }
    for (int i = trailer.size() - 1; i >= 0; i--) {
      String line = trailer.get(i);
      if (line.contains("failed") || line.contains("error")) {
        return line;
      }
    }
    if (!trailer.isEmpty()) {
      return trailer.get(trailer.size() - 1);
    }
    return failedStep().map(Step::error).orElse("");
  }

  /**
   * Bytes of context BuildKit reported transferring, or -1 when not printed. BuildKit sends only
   * what changed since the last build of the same context, so a rebuild can report less than the
   * whole context. Sizes are printed rounded ({@code 2.05kB}), so this is approximate.
   */
  public long contextBytes() {
    return contextBytes;
  }

  /** The image id from the exporter's {@code writing image} line, or empty. */
  public String imageId() {
    return imageId;
  }

  private void line(String line, long nanos) {
    if (line.isBlank()) {
      return;
    }
    Matcher m = VERTEX_LINE.matcher(line);
    if (!m.matches()) {
      trailer(line);
      return;
    }
    int number = Integer.parseInt(m.group(1));
    String text = m.group(2).strip();
    Vertex vertex = vertices.get(number);
    if (vertex == null) {
      vertex = new Vertex(text, nanos);
      vertices.put(number, vertex);
      vertex.number = number;
      Matcher step = STEP_NAME.matcher(text);
      if (step.matches() && !step.group(1).equals("internal")) {
        vertex.isStep = true;
        vertex.stage = stageOf(step.group(1));
        vertex.position = Integer.parseInt(step.group(2));
        vertex.total = Integer.parseInt(step.group(3));
        vertex.instruction = step.group(4).strip();
      }
      return;
    }
    vertex.lastNanos = nanos;
    if (text.equals(vertex.name) || DIGEST.matcher(text).matches()) {
      return;
    }
    status(vertex, text);
  }

  private void status(Vertex vertex, String text) {
    if (text.equals("CACHED")) {
      vertex.status = Status.CACHED;
    } else if (text.equals("CANCELED")) {
      vertex.status = Status.CANCELED;
    } else if (text.equals("ERROR") || text.startsWith("ERROR:")) {
      vertex.status = Status.ERROR;
      vertex.error = text.length() > 6 ? text.substring(6).strip() : "";
    } else {
      Matcher done = DONE.matcher(text);
      if (done.matches()) {
        vertex.status = Status.DONE;
        vertex.seconds = Double.parseDouble(done.group(1));
        return;
      }
      Matcher log = LOG.matcher(text);
      if (log.matches()) {
        vertex.remember(log.group(1));
        return;
      }
      Matcher size = CONTEXT_SIZE.matcher(text);
      if (size.matches() && vertex.name.equals("[internal] load build context")) {
        contextBytes = bytes(size.group(1), size.group(2));
        return;
      }
      Matcher image = IMAGE.matcher(text);
      if (image.matches()) {
        imageId = image.group(1);
      }
    }
  }

  private void trailer(String line) {
    String text = line.strip();
    if (text.startsWith("------") || text.startsWith(">") || text.matches("^\\d+ \\|.*")) {
      return;
    }
    trailer.add(text);
  }

  /** The stage label of {@code [linux/amd64 build 3/5]}: the last word that is not a platform. */
  private static String stageOf(String prefix) {
    String[] words = prefix.strip().split("\\s+");
    String last = words[words.length - 1];
    return last.contains("/") ? "" : last;
  }

  private static long bytes(String number, String unit) {
    double value = Double.parseDouble(number);
    double scale =
        switch (unit) {
          case "kB" -> 1e3;
          case "MB" -> 1e6;
          case "GB" -> 1e9;
          case "TB" -> 1e12;
          default -> 1;
        };
    return Math.round(value * scale);
  }

  private static final class Vertex {
    final String name;
    final long firstNanos;
    final List<String> output = new ArrayList<>();
    int number;
    long lastNanos;
    boolean isStep;
    String stage = "";
    int position;
    int total;
    String instruction = "";
    Status status = Status.RUNNING;
    double seconds = -1;
    String error = "";

    Vertex(String name, long nanos) {
      this.name = name;
      this.firstNanos = nanos;
      this.lastNanos = nanos;
    }

    void remember(String line) {
      output.add(line);
      if (output.size() > 12) {
        output.remove(0);
      }
    }

    Step toStep() {
      double client = (lastNanos - firstNanos) / 1e9;
      double time = seconds >= 0 ? seconds : client;
      return new Step(
          number,
          stage,
          position,
          total,
          instruction,
          status,
          status == Status.CACHED ? 0 : time,
          client,
          seconds >= 0 ? java.util.OptionalDouble.of(seconds) : java.util.OptionalDouble.empty(),
          error,
          output);
    }
  }
}
