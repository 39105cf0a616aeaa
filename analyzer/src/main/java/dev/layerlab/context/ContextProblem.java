package dev.layerlab.context;

/**
 * A path Docker could not send as a regular file: unreadable, a FIFO, a socket, a device. A build
 * over such a context fails or behaves unlike the snapshot, so the user must hear of it.
 *
 * @param path relative to the context root
 * @param message what is wrong and what to do, in one line
 */
public record ContextProblem(String path, String message) {}
