package dev.layerlab.context;

/** What kind of file system object a context entry is; symlinks are never followed. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  /** A FIFO, socket or device: Docker cannot send these as files. */
  OTHER
}
