package dev.layerlab.run;

/**
 * One slice of a bench spread over several machines: {@code index} of {@code count}, both from 1.
 * Every machine of a CI matrix runs the same scenario with the same run id and its own index.
 */
public record Shard(int index, int count) {

  /** The whole bench on one machine. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
    }
  }

  /** Reads {@code K/N}, e.g. {@code 2/3}. */
  public static Shard parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a shard is K/N, e.g. 2/3, not '" + text + "'");
    }
    try {
      return new Shard(
          Integer.parseInt(text.substring(0, slash).trim()),
          Integer.parseInt(text.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a shard is K/N, e.g. 2/3, not '" + text + "'", e);
    }
  }

  public boolean isWhole() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
