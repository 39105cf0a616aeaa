package dev.layerlab.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a body the engine streams from the daemon: a container's file-system tar, image history.
 */
@FunctionalInterface
public interface ExportReader<T> {
  T read(InputStream tar) throws IOException;
}
