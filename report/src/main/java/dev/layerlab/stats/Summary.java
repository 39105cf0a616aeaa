package dev.layerlab.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a handful of repeated timings say: their centre, their spread and which of them look like
 * outliers.
 *
 * <p>Outliers are judged by the median absolute deviation, which a single wild value cannot drag
 * along the way it drags the standard deviation. With {@code values = 1, 2, 3, 4, 100}: median 3,
 * absolute deviations {@code 2, 1, 0, 1, 97}, MAD 1, scaled MAD 1.4826; 100 lies 97 / 1.4826 = 65
 * scaled MADs from the median, well past {@link #OUTLIER_LIMIT}, so it is flagged.
 *
 * @param count how many values
 * @param mean the arithmetic mean
 * @param stdDev the sample standard deviation (n − 1 in the denominator); NaN for fewer than 2
 * @param min the smallest value
 * @param max the largest value
 * @param median the middle value (mean of the two middle ones for an even count)
 * @param mad the median absolute deviation from the median, unscaled
 * @param outliers the labels (repetition numbers) of the values more than {@link #OUTLIER_LIMIT}
 *     scaled MADs from the median, in input order
 */
public record Summary(
    int count,
    double mean,
    double stdDev,
    double min,
    double max,
    double median,
    double mad,
    List<Integer> outliers) {

  /** Makes the MAD a consistent estimator of the standard deviation for normal data. */
  public static final double MAD_SCALE = 1.4826;

  /** How many scaled MADs from the median make a value an outlier. */
  public static final double OUTLIER_LIMIT = 3.0;

  /**
   * A value closer to the median than this fraction of it is never an outlier, however small the
   * MAD: with three quick builds the MAD can be a few milliseconds, and a 20 ms wobble on a 0.1 s
   * build is the machine's jitter, not a build to distrust.
   */
  public static final double MIN_RELATIVE_DEVIATION = 0.25;

  /** Below this many values, no value is called an outlier: there is no majority to judge by. */
  public static final int MIN_COUNT_FOR_OUTLIERS = 3;

  public Summary {
    outliers = List.copyOf(outliers);
  }

  /** The summary of values labelled 1, 2, 3, ... in order. */
  public static Summary of(List<Double> values) {
    List<Integer> labels = new ArrayList<>();
    for (int i = 1; i <= values.size(); i++) {
      labels.add(i);
    }
    return of(values, labels);
  }

  /**
   * The summary of values, each with a label (usually its repetition number) that {@link
   * #outliers()} reports.
   */
  public static Summary of(List<Double> values, List<Integer> labels) {
    if (values.size() != labels.size()) {
      throw new IllegalArgumentException(
          values.size() + " values but " + labels.size() + " labels");
    }
    int n = values.size();
    if (n == 0) {
      return new Summary(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
    }
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    double stdDev = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
    double median = median(x);
    double[] deviations = new double[n];
    for (int i = 0; i < n; i++) {
      deviations[i] = Math.abs(x[i] - median);
    }
    double mad = median(deviations);
    List<Integer> outliers = new ArrayList<>();
    // A MAD of zero means most values are identical; any other value would be "infinitely" far
    // off, which says more about rounding than about the build, so nothing is flagged then.
    if (n >= MIN_COUNT_FOR_OUTLIERS && mad > 0) {
      for (int i = 0; i < n; i++) {
        if (deviations[i] > OUTLIER_LIMIT * MAD_SCALE * mad
            && deviations[i] > MIN_RELATIVE_DEVIATION * Math.abs(median)) {
          outliers.add(labels.get(i));
        }
      }
    }
    double min = Arrays.stream(x).min().orElseThrow();
    double max = Arrays.stream(x).max().orElseThrow();
    return new Summary(n, mean, stdDev, min, max, median, mad, outliers);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The MAD scaled to estimate a standard deviation: {@code 1.4826 × MAD}. */
  public double scaledMad() {
    return MAD_SCALE * mad;
  }

  /** How many scaled MADs a value lies from the median; NaN when the MAD is zero. */
  public double madsFromMedian(double value) {
    return mad > 0 ? Math.abs(value - median) / scaledMad() : Double.NaN;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
