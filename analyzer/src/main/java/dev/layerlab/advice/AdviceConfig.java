package dev.layerlab.advice;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A team's {@code .layerlab.yaml}: rules to leave out, severities to change, and the threshold at
 * which {@code layerlab check} fails.
 *
 * <pre>
 * ignore: [LL005]
 * severity:
 *   LL003: error
 * failure-threshold: warning
 * </pre>
 *
 * @param ignore rule ids never reported
 * @param severity severities that replace the rules' own
 * @param failureThreshold the threshold, when the file sets one
 */
public record AdviceConfig(
    Set<String> ignore,
    Map<String, Severity> severity,
    Optional<FailureThreshold> failureThreshold) {

  /** The name layerlab looks for beside the Dockerfile. */
  public static final String FILE_NAME = ".layerlab.yaml";

  public AdviceConfig {
    ignore = Set.copyOf(ignore);
    severity = Map.copyOf(severity);
  }

  public static AdviceConfig empty() {
    return new AdviceConfig(Set.of(), Map.of(), Optional.empty());
  }

  /** Reads a configuration file; every problem names the file and line. */
  public static AdviceConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "cannot read the configuration: " + e.getMessage(), e);
    }
    return parse(text, file);
  }

  /** Parses configuration text; {@code file} labels messages. */
  public static AdviceConfig parse(String text, Path file) throws ConfigException {
    Node root;
    try (Reader reader = new StringReader(text)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new ConfigException(file, line, "not valid YAML: " + e.getProblem(), e);
    } catch (YAMLException | IOException e) {
      throw new ConfigException(file, 0, "not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      return empty();
    }
    if (!(root instanceof MappingNode map)) {
      throw new ConfigException(
          file, line(root), "expected a mapping with ignore, severity or failure-threshold");
    }
    Set<String> ignore = new LinkedHashSet<>();
    Map<String, Severity> severity = new LinkedHashMap<>();
    Optional<FailureThreshold> threshold = Optional.empty();
    for (NodeTuple entry : map.getValue()) {
      String key = scalar(file, entry.getKeyNode(), "a key");
      Node value = entry.getValueNode();
      switch (key) {
        case "ignore" -> ignore.addAll(ruleIds(file, value));
        case "severity" -> severity.putAll(severities(file, value));
        case "failure-threshold" -> {
          String label = scalar(file, value, "a threshold");
          threshold =
              Optional.of(
                  FailureThreshold.fromLabel(label)
                      .orElseThrow(
                          () ->
                              new ConfigException(
                                  file,
                                  line(value),
                                  "failure-threshold '"
                                      + label
                                      + "' is not one of error, warning, info, none")));
        }
        default ->
            throw new ConfigException(
                file,
                line(entry.getKeyNode()),
                "unknown key '" + key + "' (expected ignore, severity or failure-threshold)");
      }
    }
    return new AdviceConfig(ignore, severity, threshold);
  }

  private static Set<String> ruleIds(Path file, Node value) throws ConfigException {
    Set<String> ids = new LinkedHashSet<>();
    if (value instanceof ScalarNode) {
      ids.add(ruleId(file, value));
      return ids;
    }
    if (!(value instanceof SequenceNode list)) {
      throw new ConfigException(file, line(value), "ignore: expected a list of rule ids");
    }
    for (Node item : list.getValue()) {
      ids.add(ruleId(file, item));
    }
    return ids;
  }

  private static Map<String, Severity> severities(Path file, Node value) throws ConfigException {
    if (!(value instanceof MappingNode map)) {
      throw new ConfigException(
          file, line(value), "severity: expected a mapping of rule id to error, warning or info");
    }
    Map<String, Severity> result = new LinkedHashMap<>();
    for (NodeTuple entry : map.getValue()) {
      String id = ruleId(file, entry.getKeyNode());
      String label = scalar(file, entry.getValueNode(), "a severity");
      Severity s =
          Severity.fromLabel(label)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          file,
                          line(entry.getValueNode()),
                          "severity of "
                              + id
                              + ": '"
                              + label
                              + "' is not one of error, warning, info"));
      result.put(id, s);
    }
    return result;
  }

  private static String ruleId(Path file, Node node) throws ConfigException {
    String id = scalar(file, node, "a rule id").strip();
    if (Rules.byId(id).isEmpty()) {
      throw new ConfigException(
          file,
          line(node),
          "unknown rule id '" + id + "' (known: " + String.join(", ", Rules.ids()) + ")");
    }
    return id;
  }

  private static String scalar(Path file, Node node, String what) throws ConfigException {
    if (!(node instanceof ScalarNode s)) {
      throw new ConfigException(file, line(node), "expected " + what + ", not a list or mapping");
    }
    return s.getValue();
  }

  private static int line(Node node) {
    return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
  }
}
