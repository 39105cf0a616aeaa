/**
 * The {@code layerlab} command line: reads options, turns events into terminal lines, and maps
 * every failure to one line and a documented exit code.
 */
package dev.layerlab.cli;
