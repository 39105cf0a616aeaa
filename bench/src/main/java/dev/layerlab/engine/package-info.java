/**
 * The one way layerlab reaches Docker: building images, reading their layers, timing container
 * start-ups, and removing exactly what a run created.
 */
package dev.layerlab.engine;
