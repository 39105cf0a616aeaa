package dev.layerlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlab.advice.Analysis;
import dev.layerlab.advice.Finding;
import dev.layerlab.advice.Rule;
import dev.layerlab.advice.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a check as a SARIF 2.1.0 log with one run: the rule catalog in {@code tool.driver.rules}
 * and one result per finding, located by a URI relative to the working directory, which is what
 * GitHub code scanning resolves against the repository root.
 */
final class SarifRenderer {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifRenderer() {}

  static String render(CheckResult r) {
    ObjectNode log = CheckRenderers.JSON.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "layerlab");
    driver.put("version", r.version());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    List<Rule> catalog = r.rules();
    for (int i = 0; i < catalog.size(); i++) {
      Rule rule = catalog.get(i);
      index.put(rule.id(), i);
      ObjectNode n = rules.addObject();
      n.put("id", rule.id());
      n.put("name", name(rule.title()));
      n.putObject("shortDescription").put("text", rule.title());
      n.putObject("fullDescription").put("text", rule.explanation());
      ObjectNode help = n.putObject("help");
      help.put(
          "text",
          rule.explanation() + "\n\nFix: " + rule.fix() + "\n\nExample:\n" + rule.example());
      help.put(
          "markdown",
          rule.explanation()
              + "\n\n**Fix:** "
              + rule.fix()
              + "\n\n**Example:**\n\n```dockerfile\n"
              + rule.example()
              + "\n```");
      n.putObject("defaultConfiguration")
          .put("level", level(r.severities().getOrDefault(rule.id(), rule.severity())));
      n.putObject("properties").putArray("tags").add("docker").add("build-cache");
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : r.findings()) {
      ObjectNode res = results.addObject();
      res.put("ruleId", f.ruleId());
      Integer i = index.get(f.ruleId());
      if (i != null) {
        res.put("ruleIndex", i);
      }
      res.put("level", level(f.severity()));
      res.putObject("message").put("text", f.message() + ". Fix: " + f.fix() + ".");
      ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", r.uri());
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.line());
      region.put("endLine", f.endLine());
      fix(r, f).ifPresent(fix -> res.putArray("fixes").add(fix));
    }
    return CheckRenderers.write(log);
  }

  /** The finding's own edit of the Dockerfile as a SARIF fix: one replacement of whole lines. */
  private static java.util.Optional<ObjectNode> fix(CheckResult r, Finding f) {
    return r.analysis().fixes().stream()
        .filter(x -> x.ruleId().equals(f.ruleId()) && x.line() == f.line())
        .findFirst()
        .map(
            x -> {
              Analysis.Replacement rep = x.replacement();
              ObjectNode fix = CheckRenderers.JSON.createObjectNode();
              fix.putObject("description").put("text", x.description());
              ObjectNode change = fix.putArray("artifactChanges").addObject();
              change.putObject("artifactLocation").put("uri", r.uri());
              ObjectNode replacement = change.putArray("replacements").addObject();
              ObjectNode deleted = replacement.putObject("deletedRegion");
              deleted.put("startLine", rep.startLine());
              deleted.put("startColumn", rep.startColumn());
              deleted.put("endLine", rep.endLine());
              deleted.put("endColumn", rep.endColumn());
              replacement.putObject("insertedContent").put("text", rep.text());
              return fix;
            });
  }

  /** SARIF's level for a severity: error, warning, or note for info. */
  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** A rule's name in SARIF's UpperCamelCase convention, made from its title. */
  private static String name(String title) {
    StringBuilder sb = new StringBuilder();
    for (String w : title.split("[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return sb.toString();
  }
}
