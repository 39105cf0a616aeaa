package dev.layerlab.measure;

/**
 * One start of the application: from creating the container to the app's ready line.
 *
 * @param mode {@code baked} (dependencies and code in the image) or {@code mounted} (code mounted
 *     into the base image, dependencies installed at start)
 * @param repetition 1-based
 * @param seconds time to the ready line, or -1 when it never came
 * @param status whether the ready line came
 * @param error why it did not, else empty
 */
public record StartupRecord(
    String mode, int repetition, double seconds, BuildStatus status, String error) {}
