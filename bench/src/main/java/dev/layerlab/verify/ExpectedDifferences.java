package dev.layerlab.verify;

import java.util.Optional;

/** Says which differences between the original's image and the rewrite's are intended. */
public interface ExpectedDifferences {

  /** Why {@code path} may exist in the original's image only, if it may. */
  Optional<String> missingFromRewrite(String path);

  /** Why {@code path} may differ in content between the images, if it may. */
  Optional<String> changedInRewrite(String path);

  /** Why {@code path} may exist in the rewrite's image only, if it may. */
  Optional<String> addedInRewrite(String path);

  /** Expects no difference at all. */
  static ExpectedDifferences none() {
    return new ExpectedDifferences() {
      @Override
      public Optional<String> missingFromRewrite(String path) {
        return Optional.empty();
      }

      @Override
      public Optional<String> changedInRewrite(String path) {
        return Optional.empty();
      }

      @Override
      public Optional<String> addedInRewrite(String path) {
        return Optional.empty();
      }
    };
  }
}
