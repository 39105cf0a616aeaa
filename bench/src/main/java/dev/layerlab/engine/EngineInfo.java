package dev.layerlab.engine;

/**
 * Facts about the engine a run used, for reports.
 *
 * @param engine which engine, e.g. {@code docker-java}
 * @param builder which builder, e.g. {@code classic}
 * @param serverVersion the daemon's version
 * @param apiVersion the API version spoken
 * @param os the daemon's operating system and architecture
 * @param host where the daemon was reached
 */
public record EngineInfo(
    String engine,
    String builder,
    String serverVersion,
    String apiVersion,
    String os,
    String host) {}
