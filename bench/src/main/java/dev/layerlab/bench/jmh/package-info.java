/**
 * JMH benchmarks of the analysis model (parsing, ignore matching, context snapshots) and a driver
 * that puts snapshot speed beside {@code sha256sum} and {@code docker build}. Run them with {@code
 * org.openjdk.jmh.Main} or {@link dev.layerlab.bench.jmh.ContextSpeed}; see {@code
 * bench/README.md}.
 */
package dev.layerlab.bench.jmh;
