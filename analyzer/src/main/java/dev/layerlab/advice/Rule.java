package dev.layerlab.advice;

import java.util.List;

/**
 * One entry of layerlab's rule catalog: a stable id, what it costs, why, and the fix. A rule only
 * reads the Dockerfile (and the context snapshot when there is one) and returns findings.
 */
public interface Rule {

  /** The stable id, {@code LL} and three digits; never reused for another rule. */
  String id();

  /** The severity findings of this rule carry unless a configuration says otherwise. */
  Severity severity();

  /** What the rule finds, in a few words. */
  String title();

  /** One paragraph: what happens in the build and why it costs time or bytes. */
  String explanation();

  /** What to do about it. */
  String fix();

  /** A short Dockerfile excerpt that the rule reports. */
  String example();

  List<Finding> check(RuleInput input);
}
