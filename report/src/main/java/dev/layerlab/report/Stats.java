package dev.layerlab.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary statistics of a few timings.
 *
 * @param count how many values
 * @param median the middle value (mean of the two middle ones for an even count)
 * @param min the smallest
 * @param max the largest
 */
public record Stats(int count, double median, double min, double max) {

  public static Stats of(Collection<Double> values) {
    if (values.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Stats(n, median, sorted[0], sorted[n - 1]);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  @Override
  public String toString() {
    return count + " values, median " + median + " " + Arrays.toString(new double[] {min, max});
  }
}
