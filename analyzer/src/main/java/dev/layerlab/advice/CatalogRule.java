package dev.layerlab.advice;

import dev.layerlab.dockerfile.Dockerfile;
import dev.layerlab.dockerfile.Instruction;

/** A rule whose catalog text is fixed at construction; subclasses only implement the check. */
abstract class CatalogRule implements Rule {

  private final String id;
  private final Severity severity;
  private final String title;
  private final String explanation;
  private final String fix;
  private final String example;

  CatalogRule(
      String id, Severity severity, String title, String explanation, String fix, String example) {
    this.id = id;
    this.severity = severity;
    this.title = title;
    this.explanation = explanation;
    this.fix = fix;
    this.example = example;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final String explanation() {
    return explanation;
  }

  @Override
  public final String fix() {
    return fix;
  }

  @Override
  public final String example() {
    return example;
  }

  /** A finding of this rule about one instruction. */
  Finding finding(Dockerfile df, Instruction at, String message, String fixText) {
    return new Finding(
        id, severity, df.sourceName(), at.startLine(), at.endLine(), message, fixText);
  }

  static String words(Instruction ins) {
    return DependencyOrderRule.firstWords(ins);
  }
}
