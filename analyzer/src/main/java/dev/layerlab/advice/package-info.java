/**
 * Findings about a Dockerfile's cache behaviour, each with a stable rule id, and rewrites that fix
 * them while keeping the user's comments and formatting.
 */
package dev.layerlab.advice;
