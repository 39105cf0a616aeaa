package dev.layerlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

  private static final List<String> VARIANTS = List.of("a", "b");
  private static final List<String> CHANGES =
      List.of("no-change", "edit-source", "edit-deps", "edit-config");

  @Test
  void shardsPartitionTheCells_eachCellExactlyOnce() {
    for (int n = 1; n <= 30; n++) {
      Set<ShardPlan.Cell> seen = new HashSet<>();
      int cells = 0;
      for (int k = 1; k <= n; k++) {
        ShardPlan plan = ShardPlan.of(VARIANTS, CHANGES, 3, new Shard(k, n));
        cells += plan.cells().size();
        seen.addAll(plan.cells());
      }
      assertThat(cells).as("cells over %d shards", n).isEqualTo(24);
      assertThat(seen).as("distinct cells over %d shards", n).hasSize(24);
    }
  }

  @Test
  void threeShards_getEightCellsEach_andStraddlingVariantsAreBuiltColdInBoth() {
    ShardPlan one = ShardPlan.of(VARIANTS, CHANGES, 3, new Shard(1, 3));
    ShardPlan two = ShardPlan.of(VARIANTS, CHANGES, 3, new Shard(2, 3));
    ShardPlan three = ShardPlan.of(VARIANTS, CHANGES, 3, new Shard(3, 3));

    assertThat(one.cells()).hasSize(8).first().isEqualTo(new ShardPlan.Cell("a", "no-change", 1));
    assertThat(one.cells()).last().isEqualTo(new ShardPlan.Cell("a", "edit-deps", 2));
    assertThat(two.cells()).first().isEqualTo(new ShardPlan.Cell("a", "edit-deps", 3));
    assertThat(two.cells()).last().isEqualTo(new ShardPlan.Cell("b", "edit-source", 1));
    assertThat(one.runsVariant("a") && !one.runsVariant("b")).isTrue();
    assertThat(two.runsVariant("a") && two.runsVariant("b")).as("straddles").isTrue();
    assertThat(two.builds()).as("2 cold + 8 warm").isEqualTo(10);
    assertThat(three.runsVariant("a")).isFalse();
    assertThat(List.of(one.runsStartups(), two.runsStartups(), three.runsStartups()))
        .containsExactly(true, false, false);
  }

  @Test
  void wholeBench_isOneShardWithEverything() {
    ShardPlan all = ShardPlan.of(VARIANTS, CHANGES, 3, Shard.ALL);

    assertThat(all.builds()).isEqualTo(2 + 24);
    assertThat(all.runs("b", "edit-config", 3)).isTrue();
    assertThat(all.runsStartups()).isTrue();
  }

  @Test
  void moreShardsThanCells_leaveSomeEmpty_andStartupsGoWhereTheFirstCellIs() {
    List<ShardPlan> plans = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      plans.add(ShardPlan.of(List.of("a"), List.of("no-change"), 2, new Shard(k, 5)));
    }

    assertThat(plans.stream().mapToInt(p -> p.cells().size()).sum()).isEqualTo(2);
    assertThat(plans.stream().filter(ShardPlan::runsStartups).count()).isEqualTo(1);
    ShardPlan withStartups = plans.stream().filter(ShardPlan::runsStartups).findFirst().get();
    assertThat(withStartups.cells()).contains(new ShardPlan.Cell("a", "no-change", 1));
    assertThat(plans.get(0).builds()).as("an empty shard builds nothing").isZero();
  }

  @Test
  void sameInputs_giveTheSameSlice() {
    assertThat(ShardPlan.of(VARIANTS, CHANGES, 5, new Shard(2, 4)).cells())
        .isEqualTo(ShardPlan.of(VARIANTS, CHANGES, 5, new Shard(2, 4)).cells());
  }

  @Test
  void shardTextIsParsedAndChecked() {
    assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
    assertThat(Shard.parse("2/3").toString()).isEqualTo("2/3");
    assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("1 <= K <= N");
    assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("K/N");
    assertThatThrownBy(() -> Shard.parse("0/3")).isInstanceOf(IllegalArgumentException.class);
  }
}
