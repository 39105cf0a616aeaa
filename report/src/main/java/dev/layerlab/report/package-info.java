/**
 * Renders a measured run as files people and tools read: CSV, JSON, Markdown and charts. Every
 * renderer only reads the run's values; none of them measures or decides anything.
 */
package dev.layerlab.report;
