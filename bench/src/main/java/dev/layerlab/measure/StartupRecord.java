package dev.layerlab.measure;

/**
 * One start of the application: from creating the container to the app's ready line.
 *
 * @param mode {@code baked} (dependencies and code in the image), {@code mounted} (code mounted
 *     into the base image, dependencies installed at start) or {@code mounted-deps} (code mounted
 *     into the image built with the dependencies)
 * @param repetition 1-based; the first run of a mode may pay for what later runs find warm (page
 *     cache, image layers unpacked), so it is reported apart, see {@link #run()}
 * @param seconds time to the ready line, or -1 when it never came
 * @param status whether the ready line came
 * @param error why it did not, else empty
 */
public record StartupRecord(
    String mode, int repetition, double seconds, BuildStatus status, String error) {

  /** {@link #run()} of a mode's first start-up. */
  public static final String FIRST = "first";

  /** {@link #run()} of every later start-up of a mode. */
  public static final String REPEAT = "repeat";

  /** {@link #FIRST} for repetition 1, else {@link #REPEAT}. */
  public String run() {
    return repetition == 1 ? FIRST : REPEAT;
  }
}
