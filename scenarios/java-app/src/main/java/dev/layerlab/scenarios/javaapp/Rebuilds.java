package dev.layerlab.scenarios.javaapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A made-up table of rebuild times for two Dockerfile orderings, and its medians. */
final class Rebuilds {

  record Row(String variant, double seconds) {}

  private Rebuilds() {}

  static List<Row> table(long seed, int rows) {
    Random random = new Random(seed);
    List<Row> table = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      boolean naive = random.nextBoolean();
      double centre = naive ? 60 : 3;
      double seconds = Math.max(0.1, centre + random.nextGaussian() * centre / 12);
      table.add(new Row(naive ? "naive" : "deps-first", seconds));
    }
    return table;
  }

  static Map<String, Double> medians(List<Row> table) {
    Map<String, List<Double>> byVariant = new TreeMap<>();
    for (Row row : table) {
      byVariant.computeIfAbsent(row.variant(), v -> new ArrayList<>()).add(row.seconds());
    }
    Map<String, Double> medians = new TreeMap<>();
    byVariant.forEach(
        (variant, values) -> {
          values.sort(null);
          int mid = values.size() / 2;
          double median =
              values.size() % 2 == 1 ? values.get(mid) : (values.get(mid - 1) + values.get(mid)) / 2;
          medians.put(variant, Math.round(median * 10) / 10.0);
        });
    return medians;
  }
}
