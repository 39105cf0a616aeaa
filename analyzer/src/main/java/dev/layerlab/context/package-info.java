/**
 * What Docker receives as a build context: the {@code .dockerignore} rules and snapshots of a
 * context directory, and the changes between two snapshots.
 *
 * <p>The ignore matcher is hand-written because Docker's matching (Go {@code filepath.Match} syntax
 * plus {@code **}, ordered exceptions, path cleaning) differs from every glob library in small ways
 * that decide whether a file reaches the build.
 */
package dev.layerlab.context;
