package dev.layerlab.engine;

import java.io.IOException;
import java.io.InputStream;

/** Reads the tar stream of a container's file system while the engine holds the container. */
@FunctionalInterface
public interface ExportReader<T> {
  T read(InputStream tar) throws IOException;
}
