/**
 * Statistics of repeated timings: centre, spread, outliers by the median absolute deviation, and
 * the relative speed of two cells. Pure functions of the numbers, no I/O.
 */
package dev.layerlab.stats;
