package dev.layerlab.advice;

/**
 * Which builder the user builds with. Some costs differ between the two (see the cache semantics:
 * metadata steps are cache keys on the classic builder only), and some fixes exist on BuildKit
 * only.
 */
public enum BuilderKind {
  CLASSIC,
  BUILDKIT
}
