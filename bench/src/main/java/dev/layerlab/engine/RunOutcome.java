package dev.layerlab.engine;

/**
 * How a measured container start went.
 *
 * @param ready whether the ready line came
 * @param seconds time from creating the container to the ready line, -1 if it never came
 * @param detail why it was not ready (exit, timeout), with the app's last output
 */
public record RunOutcome(boolean ready, double seconds, String detail) {}
