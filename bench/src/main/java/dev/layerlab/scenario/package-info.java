/**
 * Scenario projects: their declarative {@code scenario.yaml}, the change patterns applied before a
 * rebuild, and scratch copies so the project itself is never modified.
 */
package dev.layerlab.scenario;
