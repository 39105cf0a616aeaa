package dev.layerlab.run;

/** Receives a bench's events as they happen. */
@FunctionalInterface
public interface BenchListener {
  void on(BenchEvent event);

  static BenchListener ignoring() {
    return event -> {};
  }
}
