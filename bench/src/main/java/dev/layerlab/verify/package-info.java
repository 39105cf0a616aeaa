/**
 * Proof that a rewritten Dockerfile builds the same image: both file systems and start-up
 * configurations compared entry by entry.
 */
package dev.layerlab.verify;
