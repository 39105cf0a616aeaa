package dev.layerlab.context;

/**
 * Which client walks the context directory. They agree on which paths match, but not on when an
 * excluded directory is entered to look for re-included files, nor on which ignore file counts.
 */
public enum ContextSender {
  /**
   * BuildKit's file sync (tonistiigi/fsutil): reads {@code <Dockerfile>.dockerignore} beside the
   * Dockerfile before {@code .dockerignore}, and enters an excluded directory whenever an exception
   * pattern contains a wildcard or names a path inside it.
   */
  BUILDKIT,

  /**
   * The docker CLI's classic build (moby go-archive): reads only {@code <context>/.dockerignore},
   * and enters an excluded directory only when an exception pattern, taken literally, starts with
   * the directory's path. So {@code *} then {@code !*}{@code /*.txt} sends no nested file.
   */
  CLASSIC
}
