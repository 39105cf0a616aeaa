package dev.layerlab.cache;

import java.util.Objects;

/**
 * Why a step misses, as data and as a sentence.
 *
 * @param kind the category
 * @param subject what changed: a context path, an argument or variable name, an image, a stage
 * @param sentence a full explanation, e.g. "COPY . . (line 4) misses because utils/helpers.py
 *     changed"
 */
public record MissCause(Kind kind, String subject, String sentence) {

  /** The categories of causes. */
  public enum Kind {
    /** A file the step reads has different content (or type, or link target). */
    FILE_CHANGED,
    /** A file the step reads is new. */
    FILE_ADDED,
    /** A file the step read is gone. */
    FILE_REMOVED,
    /** A file the step reads has different permission bits, same content. */
    MODE_CHANGED,
    /** A {@code --build-arg} value (or an ARG default) that enters the key changed. */
    BUILD_ARG_CHANGED,
    /** An ENV value that enters the key changed. */
    ENV_CHANGED,
    /** The FROM image now resolves to another digest. */
    BASE_IMAGE_CHANGED,
    /** The Dockerfile line itself was edited, added, or moved to a new place in the chain. */
    INSTRUCTION_CHANGED,
    /** Nothing of the step's own changed; the step before it missed. */
    PARENT_MISSED,
    /** A {@code COPY --from} source stage rebuilt what this step copies. */
    SOURCE_STAGE_CHANGED,
    /** The step is never taken from the cache (e.g. {@code --no-cache}). */
    NOT_CACHEABLE,
    /**
     * Predicted as a hit, but the builder decides at build time from something outside the inputs,
     * such as a remote file; the sentence says what.
     */
    CHECKED_AT_BUILD,
    /** The builder rejects the instruction; the sentence quotes Docker's error. */
    UNSUPPORTED,
    /** The build fails at or before this step (e.g. a COPY source is missing). */
    BUILD_FAILS,
    /** There is no record of an earlier build to compare with. */
    NO_PREVIOUS_BUILD
  }

  public MissCause {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(sentence, "sentence");
  }
}
