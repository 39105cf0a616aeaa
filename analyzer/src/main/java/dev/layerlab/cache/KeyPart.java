package dev.layerlab.cache;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One named ingredient of a step's own cache key. A step's parts are listed in the order their
 * differences are reported, so the first differing part is the cause of a miss.
 */
sealed interface KeyPart {

  /** What the part is, e.g. {@code text}, {@code env}, {@code files}. */
  String name();

  /** The value that enters the key; two parts are equal when their values are. */
  String value();

  /** Plain text: the instruction, an expanded form, a user, a directory, an image. */
  record Text(String name, String value) implements KeyPart {}

  /**
   * Variables: the classic builder's ARG prefix of a RUN, or BuildKit's RUN environment.
   *
   * @param fromArgs the names whose value came from an ARG (so a change is a build-arg change)
   */
  record Vars(String name, SortedMap<String, String> vars, Set<String> fromArgs)
      implements KeyPart {
    public Vars {
      vars = new TreeMap<>(vars);
      fromArgs = Set.copyOf(fromArgs);
    }

    @Override
    public String value() {
      return vars.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("\u0000"));
    }
  }

  /** The files a COPY, ADD or bind mount reads, by context path. */
  record Files(String name, SortedMap<String, FileFacts> files) implements KeyPart {
    public Files {
      files = new TreeMap<>(files);
    }

    @Override
    public String value() {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, FileFacts> e : files.entrySet()) {
        sb.append(e.getKey()).append('\u0000').append(e.getValue().key()).append('\n');
      }
      return EntryHeader.sha256(sb.toString());
    }
  }

  /**
   * What a {@code COPY --from} reads from another stage, as the steps of that stage that can write
   * there; equal items mean identical files.
   */
  record StageOutput(String name, String stage, List<Item> items) implements KeyPart {
    public StageOutput {
      items = List.copyOf(items);
    }

    /**
     * @param label e.g. "RUN make (line 7)"
     * @param key the item's key: the files a COPY put there, or a RUN's chained key
     * @param rerun true for a RUN, whose output can only be known by running it
     */
    record Item(String label, String key, boolean rerun) {}

    @Override
    public String value() {
      return items.stream().map(Item::key).collect(Collectors.joining(","));
    }
  }
}
