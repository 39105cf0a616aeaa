package dev.layerlab.engine;

import dev.layerlab.measure.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the classic builder's streamed output into steps: {@code Step 3/6 : COPY . .} opens a step,
 * {@code ---> Using cache} marks it cached, {@code ---> <id>} names the image it made, and the next
 * step (or the end) closes it. A step's time is the time between its line and the next step's line,
 * as seen by the client.
 *
 * <p>Output arrives in chunks that may split or join lines, so text is buffered until a newline.
 */
public final class ClassicProgress {

  private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
  private static final Pattern IMAGE = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");
  private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]{12,64})$");

  private final java.util.function.Consumer<String> onCreated;
  private final StringBuilder pending = new StringBuilder();
  private final List<StepRecord> steps = new ArrayList<>();
  private final Set<String> createdImages = new LinkedHashSet<>();
  private final List<String> tail = new ArrayList<>();

  private int index;
  private String instruction;
  private long startedNanos;
  private boolean cached;
  private String imageId = "";
  private String builtImage = "";

  public ClassicProgress() {
    this(id -> {});
  }

  /**
   * @param onCreated told of each image a step creates as soon as the step ends, so that an
   *     interrupted build's images can still be removed
   */
  public ClassicProgress(java.util.function.Consumer<String> onCreated) {
    this.onCreated = onCreated;
  }

  /** Feeds a chunk of output received at {@code nanos}. */
  public void accept(String chunk, long nanos) {
    pending.append(chunk);
    int newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, newline);
      pending.delete(0, newline + 1);
      line(line.stripTrailing(), nanos);
    }
  }

  /** Closes the open step at {@code nanos}; call once when the stream ends. */
  public void finish(long nanos) {
    if (pending.length() > 0) {
      line(pending.toString().stripTrailing(), nanos);
      pending.setLength(0);
    }
    closeStep(nanos);
  }

  public List<StepRecord> steps() {
    return List.copyOf(steps);
  }

  /** Images made by steps that did not come from the cache, oldest first. */
  public List<String> createdImages() {
    return List.copyOf(createdImages);
  }

  public Optional<String> builtImage() {
    return builtImage.isEmpty() ? Optional.empty() : Optional.of(builtImage);
  }

  /** The last lines of output, for error messages. */
  public String tail() {
    return String.join("\n", tail);
  }

  private void line(String line, long nanos) {
    if (!line.isBlank()) {
      tail.add(line);
      if (tail.size() > 12) {
        tail.remove(0);
      }
    }
    Matcher m = STEP.matcher(line);
    if (m.matches()) {
      closeStep(nanos);
      index = Integer.parseInt(m.group(1));
      instruction = m.group(3).strip();
      startedNanos = nanos;
      cached = false;
      imageId = "";
      return;
    }
    if (instruction == null) {
      return;
    }
    if (line.equals(" ---> Using cache")) {
      cached = true;
      return;
    }
    Matcher image = IMAGE.matcher(line);
    if (image.matches()) {
      imageId = image.group(1);
      return;
    }
    Matcher built = BUILT.matcher(line);
    if (built.matches()) {
      builtImage = built.group(1);
      closeStep(nanos);
    }
  }

  private void closeStep(long nanos) {
    if (instruction == null) {
      return;
    }
    boolean isFrom = instruction.regionMatches(true, 0, "FROM ", 0, 5);
    if (!cached && !imageId.isEmpty() && !isFrom && createdImages.add(imageId)) {
      onCreated.accept(imageId);
    }
    double seconds = (nanos - startedNanos) / 1e9;
    steps.add(new StepRecord(index, instruction, 0, cached || isFrom, seconds, -1, imageId));
    instruction = null;
  }
}
