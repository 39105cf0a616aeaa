package dev.layerlab.advice;

import java.util.List;
import java.util.Optional;

/** layerlab's rule catalog, in id order. Ids are stable: a retired rule's id is never reused. */
public final class Rules {

  private static final List<Rule> ALL =
      List.of(
          new DependencyOrderRule(),
          new ContextWasteRule(),
          new VolatileValueRule(),
          new AptUpdateAloneRule(),
          new PackageCacheRule(),
          new WastedFilesRule(),
          new GitCloneRule(),
          new AddUrlRule(),
          new CacheMountRule(),
          new BuildToolsRule());

  private Rules() {}

  /** Every rule, in id order. */
  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with this id, matched exactly. */
  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Every id, in order. */
  public static List<String> ids() {
    return ALL.stream().map(Rule::id).toList();
  }
}
