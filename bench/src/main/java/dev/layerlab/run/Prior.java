package dev.layerlab.run;

import dev.layerlab.measure.BuildRecord;
import dev.layerlab.measure.BuildStatus;
import dev.layerlab.measure.StartupRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an interrupted part of a run already measured, for a resumed run to keep instead of building
 * again: its successful builds, found by builder, variant, change and repetition, and its
 * start-ups.
 *
 * @param builds the builds that succeeded, in the order they ran; failed ones are built again
 * @param startups the start-ups timed; kept only when every one of them is there
 * @param startedAt when the run first began, which the resumed run keeps
 */
public record Prior(
    List<BuildRecord> builds,
    List<StartupRecord> startups,
    Optional<Instant> startedAt,
    List<String> leftoverImages) {

  /** Nothing measured yet: a run from the start. */
  public static final Prior NONE = new Prior(List.of(), List.of());

  public Prior {
    builds = builds.stream().filter(b -> b.status() == BuildStatus.OK).toList();
    startups = List.copyOf(startups);
    leftoverImages = List.copyOf(leftoverImages);
  }

  /** What was measured, without a list of images the interrupted part could not remove. */
  public Prior(
      List<BuildRecord> builds, List<StartupRecord> startups, Optional<Instant> startedAt) {
    this(builds, startups, startedAt, List.of());
  }

  /** The same, with the images the interrupted part made and could not remove. */
  public Prior withLeftoverImages(List<String> images) {
    return new Prior(builds, startups, startedAt, images);
  }

  /** What was measured, by a run whose start is not known. */
  public Prior(List<BuildRecord> builds, List<StartupRecord> startups) {
    this(builds, startups, Optional.empty());
  }

  public boolean isEmpty() {
    return builds.isEmpty() && startups.isEmpty();
  }

  /** The build already measured for this cell, if any. */
  Optional<BuildRecord> find(String builder, String variant, String change, int repetition) {
    return Optional.ofNullable(byCell().get(key(builder, variant, change, repetition)));
  }

  private Map<String, BuildRecord> byCell() {
    Map<String, BuildRecord> map = new LinkedHashMap<>();
    for (BuildRecord b : builds) {
      map.putIfAbsent(key(b.builder(), b.variant(), b.change(), b.repetition()), b);
    }
    return map;
  }

  private static String key(String builder, String variant, String change, int repetition) {
    return builder + "\u0000" + variant + "\u0000" + change + "\u0000" + repetition;
  }
}
