package dev.layerlab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

  @Test
  void catalog_listsTenRulesInIdOrder_eachFullyDescribed() {
    List<String> ids = Rules.ids();

    assertThat(ids).as("rule ids").hasSize(10).isSorted().doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id.matches("LL\\d{3}"));
    for (Rule r : Rules.all()) {
      assertThat(List.of(r.title(), r.explanation(), r.fix(), r.example()))
          .as("catalog text of %s", r.id())
          .allMatch(s -> !s.isBlank());
      assertThat(Rules.byId(r.id())).contains(r);
    }
  }
}
