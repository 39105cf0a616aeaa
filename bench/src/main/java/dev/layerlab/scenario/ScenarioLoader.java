package dev.layerlab.scenario;

import dev.layerlab.scenario.StartupSpec.MountedSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
 * Reads a scenario's {@code scenario.yaml} and checks it against the directory, so that a typo is
 * reported with its line before any build starts.
 *
 * <p>The YAML is read as a node tree rather than bound to classes because every complaint must name
 * the line it is about.
 */
public final class ScenarioLoader {

  public static final String FILE_NAME = "scenario.yaml";

  private static final Set<String> TOP_KEYS =
      Set.of("name", "description", "variants", "changes", "build-args-from-env", "startup");
  private static final Set<String> STARTUP_KEYS = Set.of("ready", "mounted", "mounted-deps");
  private static final Set<String> MOUNTED_KEYS =
      Set.of("image", "workdir", "command", "env-from-env");
  private static final Set<String> MOUNTED_DEPS_KEYS = Set.of("workdir", "paths", "command");

  private final Path file;

  private ScenarioLoader(Path file) {
    this.file = file;
  }

  /** Loads the scenario in a directory, or from a scenario file given directly. */
  public static Scenario load(Path directoryOrFile) throws ScenarioException {
    Path file =
        Files.isDirectory(directoryOrFile) ? directoryOrFile.resolve(FILE_NAME) : directoryOrFile;
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException(
          file
              + ": no scenario file; a scenario directory needs a "
              + FILE_NAME
              + " naming its variants and change patterns");
    }
    return new ScenarioLoader(file.toAbsolutePath().normalize()).read();
  }

  private Scenario read() throws ScenarioException {
    Node root = compose();
    MappingNode top = mapping(root, "the scenario");
    Map<String, NodeTuple> entries = entries(top, TOP_KEYS);
    Path dir = file.getParent();

    String name =
        entries.containsKey("name") ? scalar(entries.get("name")) : dir.getFileName().toString();
    String description =
        entries.containsKey("description") ? scalar(entries.get("description")) : "";

    Map<String, String> variants = readVariants(required(entries, "variants", top), dir);
    Map<ChangePattern, String> changes =
        entries.containsKey("changes") ? readChanges(entries.get("changes"), dir) : Map.of();
    List<String> buildArgs =
        entries.containsKey("build-args-from-env")
            ? names(entries.get("build-args-from-env").getValueNode())
            : List.of();
    Optional<StartupSpec> startup =
        entries.containsKey("startup")
            ? Optional.of(readStartup(entries.get("startup"), dir))
            : Optional.empty();

    return new Scenario(name, description, dir, variants, changes, buildArgs, startup);
  }

  private Node compose() throws ScenarioException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node root = new Yaml(new SafeConstructor(options)).compose(reader);
      if (root == null) {
        throw new ScenarioException(
            file + ": the scenario file is empty; it must name its variants");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ScenarioException(file + ":" + line + ": not valid YAML: " + e.getProblem(), e);
    } catch (YAMLException | IOException e) {
      throw new ScenarioException(file + ": cannot read the scenario file: " + e.getMessage(), e);
    }
  }

  private Map<String, String> readVariants(NodeTuple tuple, Path dir) throws ScenarioException {
    MappingNode node = mapping(tuple.getValueNode(), "variants");
    Map<String, String> variants = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String variant = scalar(t.getKeyNode());
      String dockerfile = scalar(t.getValueNode());
      if (!Files.isRegularFile(dir.resolve(dockerfile))) {
        throw problem(
            t.getValueNode(),
            "variant '" + variant + "' names " + dockerfile + ", which is not a file in " + dir);
      }
      variants.put(variant, dockerfile);
    }
    if (variants.isEmpty()) {
      throw problem(node, "no variants: name at least one Dockerfile under 'variants'");
    }
    return variants;
  }

  private Map<ChangePattern, String> readChanges(NodeTuple tuple, Path dir)
      throws ScenarioException {
    MappingNode node = mapping(tuple.getValueNode(), "changes");
    Map<ChangePattern, String> changes = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String id = scalar(t.getKeyNode());
      ChangePattern pattern =
          ChangePattern.byId(id)
              .orElseThrow(
                  () ->
                      problem(
                          t.getKeyNode(),
                          "unknown change pattern '"
                              + id
                              + "'; known patterns: "
                              + ChangePattern.knownIds()));
      if (!pattern.editsAFile()) {
        throw problem(t.getKeyNode(), "'no-change' always runs and names no file; remove it");
      }
      String target = scalar(t.getValueNode());
      if (pattern == ChangePattern.EDIT_GIT) {
        if (!Files.isDirectory(dir.resolve(target).resolve("objects"))) {
          throw problem(
              t.getValueNode(),
              "change pattern 'edit-git' names "
                  + target
                  + ", which is not a git directory in "
                  + dir);
        }
        changes.put(pattern, target);
        continue;
      }
      if (!Files.isRegularFile(dir.resolve(target))) {
        throw problem(
            t.getValueNode(),
            "change pattern '" + id + "' edits " + target + ", which is not a file in " + dir);
      }
      Optional<String> notEditable;
      try {
        notEditable = ChangeApplier.whyNotEditable(dir, target);
      } catch (IOException e) {
        throw problem(t.getValueNode(), "cannot read " + target + ": " + e.getMessage());
      }
      if (notEditable.isPresent()) {
        throw problem(
            t.getValueNode(),
            "change pattern '" + id + "' cannot edit " + target + ": " + notEditable.get());
      }
      changes.put(pattern, target);
    }
    return changes;
  }

  private StartupSpec readStartup(NodeTuple tuple, Path dir) throws ScenarioException {
    MappingNode node = mapping(tuple.getValueNode(), "startup");
    Map<String, NodeTuple> entries = entries(node, STARTUP_KEYS);
    NodeTuple ready = required(entries, "ready", node);
    String pattern = scalar(ready);
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw problem(
          ready.getValueNode(), "'ready' is not a valid regular expression: " + e.getDescription());
    }
    Optional<MountedSpec> mounted = Optional.empty();
    if (entries.containsKey("mounted")) {
      MappingNode m = mapping(entries.get("mounted").getValueNode(), "mounted");
      Map<String, NodeTuple> me = entries(m, MOUNTED_KEYS);
      mounted =
          Optional.of(
              new MountedSpec(
                  scalar(required(me, "image", m)),
                  scalar(required(me, "workdir", m)),
                  scalar(required(me, "command", m)),
                  me.containsKey("env-from-env")
                      ? names(me.get("env-from-env").getValueNode())
                      : List.of()));
    }
    Optional<StartupSpec.MountedDepsSpec> mountedDeps = Optional.empty();
    if (entries.containsKey("mounted-deps")) {
      mountedDeps =
          Optional.of(
              readMountedDeps(entries.get("mounted-deps"), mounted.map(MountedSpec::workdir), dir));
    }
    return new StartupSpec(pattern, mounted, mountedDeps);
  }

  private StartupSpec.MountedDepsSpec readMountedDeps(
      NodeTuple tuple, Optional<String> mountedWorkdir, Path dir) throws ScenarioException {
    MappingNode m = mapping(tuple.getValueNode(), "mounted-deps");
    Map<String, NodeTuple> me = entries(m, MOUNTED_DEPS_KEYS);
    String workdir =
        me.containsKey("workdir")
            ? scalar(me.get("workdir"))
            : mountedWorkdir.orElseThrow(
                () ->
                    problem(
                        m, "missing 'workdir' (there is no 'mounted' section to take it from)"));
    List<String> paths = new ArrayList<>();
    if (me.containsKey("paths")) {
      Node list = me.get("paths").getValueNode();
      if (!(list instanceof SequenceNode seq)) {
        throw problem(list, "'paths' must be a list of project paths, e.g. [src, config]");
      }
      for (Node item : seq.getValue()) {
        String path = scalar(item).replaceAll("/+$", "");
        Path resolved = dir.resolve(path).normalize();
        if (path.startsWith("/") || !resolved.startsWith(dir) || resolved.equals(dir)) {
          throw problem(
              item, "mounted-deps path '" + path + "' must be a relative path inside " + dir);
        }
        if (!Files.exists(resolved)) {
          throw problem(item, "mounted-deps path '" + path + "' is not in " + dir);
        }
        paths.add(path);
      }
    }
    Optional<String> command =
        me.containsKey("command") ? Optional.of(scalar(me.get("command"))) : Optional.empty();
    return new StartupSpec.MountedDepsSpec(workdir, paths, command);
  }

  private Map<String, NodeTuple> entries(MappingNode node, Set<String> allowed)
      throws ScenarioException {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String key = scalar(t.getKeyNode());
      if (!allowed.contains(key)) {
        throw problem(
            t.getKeyNode(),
            "unknown key '"
                + key
                + "'; expected one of "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
      entries.put(key, t);
    }
    return entries;
  }

  private NodeTuple required(Map<String, NodeTuple> entries, String key, Node parent)
      throws ScenarioException {
    NodeTuple t = entries.get(key);
    if (t == null) {
      throw problem(parent, "missing '" + key + "'");
    }
    return t;
  }

  private List<String> names(Node node) throws ScenarioException {
    if (!(node instanceof SequenceNode seq)) {
      throw problem(node, "expected a list of names");
    }
    List<String> names = new ArrayList<>();
    for (Node item : seq.getValue()) {
      names.add(scalar(item));
    }
    return List.copyOf(names);
  }

  private MappingNode mapping(Node node, String what) throws ScenarioException {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw problem(node, what + " must be a mapping of names to values");
  }

  private String scalar(NodeTuple tuple) throws ScenarioException {
    return scalar(tuple.getValueNode());
  }

  private String scalar(Node node) throws ScenarioException {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue().strip();
    }
    throw problem(node, "expected a non-empty value");
  }

  private ScenarioException problem(Node node, String message) {
    return new ScenarioException(file + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
  }
}
