/**
 * Predicts, before a build, which steps a change rebuilds and why, under the classic builder's or
 * BuildKit's cache rules.
 *
 * <p>Both builders chain a step's cache key to its parent's, so the model computes a key for every
 * step of the last build and of the next one from the same inputs each builder hashes (instruction
 * text, build arguments, environment, the per-file content keys of COPY sources) and looks each
 * next key up among the last build's. It predicts equality of keys, not Docker's exact hash bytes.
 * The last build is the only one the model knows: a step cached by an older build is predicted to
 * miss.
 */
package dev.layerlab.cache;
