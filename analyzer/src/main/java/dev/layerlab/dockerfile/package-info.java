/**
 * Reads Dockerfiles the way BuildKit's parser does: directives, escapes, heredocs, flags, stages.
 *
 * <p>Hand-written rather than taken from a library because layerlab's predictions depend on
 * Docker's exact reading of every line (escape characters, continuation rules, heredocs, JSON
 * forms), which no general-purpose parser reproduces; BuildKit's own test cases are the
 * specification.
 */
package dev.layerlab.dockerfile;
