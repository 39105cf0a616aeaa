package dev.layerlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The options of a bench as the store keeps them, so that {@code --resume} runs the rest of a run
 * as it began. Secret build argument values are kept redacted and must be given again.
 *
 * @param builder {@code --builder}
 * @param repetitions {@code --repetitions}
 * @param startupRuns {@code --startup-runs}
 * @param variants {@code --variant}, in order
 * @param network {@code --network}
 * @param buildTimeout {@code --build-timeout}, in seconds
 * @param startupTimeout {@code --startup-timeout}, in seconds
 * @param buildArgs {@code --build-arg}
 */
record StoredOptions(
    String builder,
    int repetitions,
    int startupRuns,
    List<String> variants,
    String network,
    long buildTimeout,
    long startupTimeout,
    Map<String, String> buildArgs) {

  private static final ObjectMapper JSON = new ObjectMapper();

  StoredOptions {
    variants = List.copyOf(variants);
    buildArgs = new TreeMap<>(buildArgs);
  }

  /** As the store keeps them: text by name. */
  Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("builder", builder);
    map.put("repetitions", Integer.toString(repetitions));
    map.put("startup_runs", Integer.toString(startupRuns));
    map.put("variants", String.join(",", variants));
    map.put("network", network);
    map.put("build_timeout", Long.toString(buildTimeout));
    map.put("startup_timeout", Long.toString(startupTimeout));
    try {
      map.put("build_args", JSON.writeValueAsString(buildArgs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return map;
  }

  /**
   * Reads what {@link #toMap()} wrote.
   *
   * @throws IllegalArgumentException when a value is missing or unreadable
   */
  static StoredOptions fromMap(Map<String, String> map) {
    try {
      String variants = need(map, "variants");
      return new StoredOptions(
          need(map, "builder"),
          Integer.parseInt(need(map, "repetitions")),
          Integer.parseInt(need(map, "startup_runs")),
          variants.isEmpty() ? List.of() : List.of(variants.split(",")),
          need(map, "network"),
          Long.parseLong(need(map, "build_timeout")),
          Long.parseLong(need(map, "startup_timeout")),
          JSON.readValue(need(map, "build_args"), new TypeReference<Map<String, String>>() {}));
    } catch (NumberFormatException | JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable options: " + e.getMessage(), e);
    }
  }

  private static String need(Map<String, String> map, String key) {
    String value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no '" + key + "' among the stored options");
    }
    return value;
  }

  /**
   * The differences between what the user gave and what the run began with, one per option, e.g.
   * {@code --repetitions was 3, not 2}; only options the user gave count.
   */
  List<String> differences(StoredOptions given, java.util.Set<String> givenOptions) {
    List<String> out = new ArrayList<>();
    differ(out, givenOptions, "--builder", builder, given.builder);
    differ(out, givenOptions, "--repetitions", repetitions, given.repetitions);
    differ(out, givenOptions, "--startup-runs", startupRuns, given.startupRuns);
    differ(out, givenOptions, "--variant", variants, given.variants);
    differ(out, givenOptions, "--network", network, given.network);
    differ(out, givenOptions, "--build-timeout", buildTimeout, given.buildTimeout);
    differ(out, givenOptions, "--startup-timeout", startupTimeout, given.startupTimeout);
    if (givenOptions.contains("--build-arg")) {
      for (String name : new java.util.TreeSet<>(union(buildArgs, given.buildArgs))) {
        String was = buildArgs.get(name);
        String now = given.buildArgs.get(name);
        if (was == null || now == null || (!isRedacted(was) && !was.equals(now))) {
          out.add(
              "--build-arg "
                  + name
                  + (was == null ? " was not given" : now == null ? " was given" : " differs"));
        }
      }
    }
    return out;
  }

  /** The build arguments to resume with: the stored ones, secret ones from {@code given}. */
  Map<String, String> buildArgsWith(Map<String, String> given) {
    Map<String, String> args = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    buildArgs.forEach(
        (name, value) -> {
          if (isRedacted(value)) {
            if (given.containsKey(name)) {
              args.put(name, given.get(name));
            } else {
              missing.add(name);
            }
          } else {
            args.put(name, value);
          }
        });
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the secret build argument(s) "
              + String.join(", ", missing)
              + " were not stored; give them again (--build-arg NAME=VALUE)");
    }
    return args;
  }

  private static boolean isRedacted(String value) {
    return value.startsWith("[redacted ");
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }

  private static void differ(
      List<String> out, java.util.Set<String> given, String option, Object was, Object now) {
    if (given.contains(option) && !was.equals(now)) {
      out.add(option + " was " + show(was) + ", not " + show(now));
    }
  }

  private static String show(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty()
          ? "all"
          : String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
