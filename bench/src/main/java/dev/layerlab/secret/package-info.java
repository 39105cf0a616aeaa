/** Keeps secret build-argument values out of every report, store, log line and error message. */
package dev.layerlab.secret;
