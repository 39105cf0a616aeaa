package dev.layerlab.cache;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker Engine version such as {@code 20.10.24}, for cache rules that changed between releases.
 */
public record DockerVersion(int major, int minor, int patch) implements Comparable<DockerVersion> {

  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

  /** Reads {@code 20.10.24}, {@code v26.1}, or {@code 28.0.1+dfsg}; the suffix is ignored. */
  public static DockerVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a Docker version: '" + text + "' (expected e.g. 20.10.24 or 26.1)");
    }
    int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return new DockerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
  }

  public boolean isBefore(int wantedMajor, int wantedMinor) {
    return compareTo(new DockerVersion(wantedMajor, wantedMinor, 0)) < 0;
  }

  @Override
  public int compareTo(DockerVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
