/** Runs a scenario's experiment: every variant, change pattern and repetition, then start-ups. */
package dev.layerlab.run;
