package dev.layerlab.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which builds one shard runs: a contiguous, balanced block of the bench's cells in the order a
 * single machine would run them (variant, then change pattern, then repetition).
 *
 * <p>Contiguous blocks keep a variant's cells together, so few variants straddle two shards; one
 * that does is built cold in each shard that runs any of its cells, because its warm builds need
 * that shard's cache. With 2 variants, 4 patterns and 3 repetitions (24 cells) over 3 shards, shard
 * 1 runs cells 0–7 (variant a, patterns 1–3 minus one repetition), shard 2 cells 8–15 (the rest of
 * a, the start of b) and shard 3 cells 16–23: a is built cold in shards 1 and 2, b in 2 and 3.
 * Start-ups run once, in the shard that builds the first variant's first cell.
 */
public final class ShardPlan {

  /** One warm build of the bench: a variant after a change pattern, one repetition. */
  public record Cell(String variant, String change, int repetition) {}

  private final Shard shard;
  private final List<Cell> cells;
  private final Set<String> variants;
  private final boolean startups;

  private ShardPlan(Shard shard, List<Cell> cells, boolean startups) {
    this.shard = shard;
    this.cells = List.copyOf(cells);
    Set<String> v = new LinkedHashSet<>();
    cells.forEach(c -> v.add(c.variant()));
    this.variants = java.util.Collections.unmodifiableSet(v);
    this.startups = startups;
  }

  /**
   * The plan of one shard.
   *
   * @param variants the variants in build order
   * @param changes the change patterns in build order ({@code no-change} first)
   * @param repetitions builds per variant and pattern
   */
  public static ShardPlan of(
      List<String> variants, List<String> changes, int repetitions, Shard shard) {
    List<Cell> all = new ArrayList<>();
    for (String v : variants) {
      for (String c : changes) {
        for (int rep = 1; rep <= repetitions; rep++) {
          all.add(new Cell(v, c, rep));
        }
      }
    }
    int total = all.size();
    int from = start(shard.index(), shard.count(), total);
    int to = start(shard.index() + 1, shard.count(), total);
    boolean startups = total > 0 && from <= 0 && to > 0;
    return new ShardPlan(shard, all.subList(from, to), startups);
  }

  /** The first cell of shard {@code k} (1-based); {@code k = count + 1} gives the total. */
  private static int start(int k, int count, int total) {
    return (int) ((long) (k - 1) * total / count);
  }

  public Shard shard() {
    return shard;
  }

  /** The warm builds this shard runs, in order. */
  public List<Cell> cells() {
    return cells;
  }

  /** Whether this shard builds the variant at all (and so builds it cold first). */
  public boolean runsVariant(String variant) {
    return variants.contains(variant);
  }

  public boolean runs(String variant, String change, int repetition) {
    return cells.contains(new Cell(variant, change, repetition));
  }

  /** Whether this shard times the start-ups. */
  public boolean runsStartups() {
    return startups;
  }

  /** The builds this shard runs: a cold build per variant it touches, plus its cells. */
  public int builds() {
    return variants.size() + cells.size();
  }

  /** The builds this shard runs of one variant: its cold build, if any, plus its cells. */
  public int builds(String variant) {
    if (!runsVariant(variant)) {
      return 0;
    }
    return 1 + (int) cells.stream().filter(c -> c.variant().equals(variant)).count();
  }
}
