package dev.layerlab.verify;

import dev.layerlab.advice.Analysis;
import java.util.List;
import java.util.Optional;

/**
 * Files a dependency-only step that the rewrite adds may fetch beyond what the original's build
 * fetched ({@code mvn dependency:go-offline} resolves every plugin a build could run): expected,
 * but only as additions inside that package manager's local repository. A file missing or changed
 * there, or added anywhere else, is still a difference. Every other question goes to the rewrite's
 * other expectations.
 */
public record FetchedByAddedStep(List<Analysis.AddedStep> steps, ExpectedDifferences then)
    implements ExpectedDifferences {

  public FetchedByAddedStep {
    steps = List.copyOf(steps);
  }

  @Override
  public Optional<String> missingFromRewrite(String path) {
    return then.missingFromRewrite(path);
  }

  @Override
  public Optional<String> changedInRewrite(String path) {
    return then.changedInRewrite(path);
  }

  @Override
  public Optional<String> addedInRewrite(String path) {
    return then.addedInRewrite(path)
        .or(
            () ->
                steps.stream()
                    .filter(s -> s.holds(path))
                    .findFirst()
                    .map(
                        s ->
                            "fetched by the added dependency-only step ("
                                + s.command()
                                + "), only inside the package manager's local repository ("
                                + s.repository()
                                + ")"));
  }
}
