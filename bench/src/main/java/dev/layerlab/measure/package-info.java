/** What a bench run measured: steps, builds and start-ups, as immutable values. */
package dev.layerlab.measure;
