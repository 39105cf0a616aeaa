package dev.layerlab.context;

/**
 * Why a path is in or out of the build context: the last matching pattern decides.
 *
 * @param pattern the line that decided
 * @param excluded whether the path is left out of the context
 */
public record IgnoreDecision(IgnorePattern pattern, boolean excluded) {}
