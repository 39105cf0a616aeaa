package dev.layerlab.measure;

/**
 * One file version that a later layer hid: its bytes ship in the image but no container sees them.
 *
 * @param path the file's path in the image, without a leading slash
 * @param bytes the size of the hidden version
 * @param writtenLayer the 1-based layer that wrote it
 * @param writtenBy what made that layer: the build step ({@code line 7: COPY . .}) or the base
 *     image's history entry
 * @param removedLayer the 1-based layer that hid it
 * @param removedBy what made that layer, as {@code writtenBy}
 * @param how {@code overwritten} (written again), {@code deleted} (a whiteout of it or of a
 *     directory above it), {@code opaque} (a directory above it emptied and written again) or
 *     {@code replaced} (a directory above it replaced by a file)
 */
public record WastedPath(
    String path,
    long bytes,
    int writtenLayer,
    String writtenBy,
    int removedLayer,
    String removedBy,
    String how) {}
