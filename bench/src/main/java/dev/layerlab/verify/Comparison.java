package dev.layerlab.verify;

import java.util.List;

/**
 * The outcome of comparing two images.
 *
 * @param filesCompared how many file system entries the two images had between them
 * @param differences every difference, expected ones included, file system first in path order
 */
public record Comparison(int filesCompared, List<Difference> differences) {

  public Comparison {
    differences = List.copyOf(differences);
  }

  /** True when every difference is an expected one. */
  public boolean sameImage() {
    return differences.stream().allMatch(Difference::expected);
  }

  public List<Difference> unexpected() {
    return differences.stream().filter(d -> !d.expected()).toList();
  }

  public List<Difference> expected() {
    return differences.stream().filter(Difference::expected).toList();
  }
}
