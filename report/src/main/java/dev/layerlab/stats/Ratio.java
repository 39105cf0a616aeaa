package dev.layerlab.stats;

/**
 * How many times faster one cell is than another: the ratio of their medians, with the range the
 * ratio spans between the extremes (the slow cell's fastest build against the fast cell's slowest,
 * up to its slowest against the fast cell's fastest).
 *
 * <p>Example: slow builds 10, 11, 12 s and fast builds 1, 2 s give a median ratio 11 / 1.5 = 7.33,
 * a low of 10 / 2 = 5 and a high of 12 / 1 = 12.
 *
 * @param median slow median / fast median
 * @param low slow minimum / fast maximum
 * @param high slow maximum / fast minimum
 */
public record Ratio(double median, double low, double high) {

  /** The ratio of {@code slow} to {@code fast}; NaN throughout when either cell is empty. */
  public static Ratio of(Summary slow, Summary fast) {
    if (slow.isEmpty() || fast.isEmpty()) {
      return new Ratio(Double.NaN, Double.NaN, Double.NaN);
    }
    return new Ratio(
        slow.median() / fast.median(), slow.min() / fast.max(), slow.max() / fast.min());
  }

  public boolean isDefined() {
    return !Double.isNaN(median) && !Double.isInfinite(median);
  }

  /** Whether the whole range lies on one side of 1: the faster cell is faster in every pairing. */
  public boolean isClear() {
    return low > 1 || high < 1;
  }
}
