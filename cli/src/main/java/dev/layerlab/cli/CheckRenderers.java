package dev.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlab.advice.Finding;
import dev.layerlab.advice.Severity;
import java.io.UncheckedIOException;

/** Renders a check as plain text, JSON or Markdown. Only reads the result. */
final class CheckRenderers {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckRenderers() {}

  /** One line per finding ({@code file:line: LL001 warning: message}), its fix, a summary. */
  static String text(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : r.findings()) {
      sb.append(f.oneLine()).append('\n');
      sb.append("  fix: ").append(f.fix()).append('\n');
    }
    r.analysis()
        .suggestedDockerignore()
        .ifPresent(
            ignore -> {
              sb.append("\nSuggested .dockerignore lines:\n");
              ignore.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
            });
    if (r.analysis().rewritten().isPresent()) {
      sb.append("\n`layerlab analyze ").append(r.dockerfile()).append("` prints the rewrite.\n");
    }
    sb.append(r.findings().isEmpty() ? "" : "\n")
        .append(r.dockerfile())
        .append(": ")
        .append(r.summary())
        .append('\n');
    return sb.toString();
  }

  /** The findings with rule id, severity, file, lines, message and fix, and the summary. */
  static String json(CheckResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "layerlab");
    root.put("version", r.version());
    root.put("file", r.dockerfile());
    root.put("builder", r.builder().name().toLowerCase(java.util.Locale.ROOT));
    root.put("failureThreshold", r.threshold().label());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode n = findings.addObject();
      n.put("ruleId", f.ruleId());
      n.put("severity", f.severity().label());
      n.put("file", f.file());
      n.put("line", f.line());
      n.put("endLine", f.endLine());
      n.put("message", f.message());
      n.put("fix", f.fix());
    }
    r.analysis().rewritten().ifPresent(t -> root.put("rewritten", t));
    r.analysis().suggestedDockerignore().ifPresent(t -> root.put("suggestedDockerignore", t));
    ObjectNode summary = root.putObject("summary");
    summary.put("total", r.findings().size());
    summary.put("error", r.count(Severity.ERROR));
    summary.put("warning", r.count(Severity.WARNING));
    summary.put("info", r.count(Severity.INFO));
    summary.put("suppressed", r.analysis().suppressed());
    summary.put("failing", r.failing());
    summary.put("passed", !r.failed());
    return write(root);
  }

  /** A summary for a CI job's page, e.g. {@code $GITHUB_STEP_SUMMARY}. */
  static String markdown(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("## layerlab check: `").append(r.dockerfile()).append("`\n\n");
    sb.append(r.failed() ? "**Failed**: " : "**Passed**: ").append(r.summary()).append(".\n");
    if (!r.findings().isEmpty()) {
      sb.append("\n| line | rule | severity | finding | fix |\n");
      sb.append("|---:|---|---|---|---|\n");
      for (Finding f : r.findings()) {
        sb.append("| ")
            .append(f.line())
            .append(" | ")
            .append(f.ruleId())
            .append(" | ")
            .append(f.severity().label())
            .append(" | ")
            .append(cell(f.message()))
            .append(" | ")
            .append(cell(f.fix()))
            .append(" |\n");
      }
    }
    r.analysis()
        .suggestedDockerignore()
        .ifPresent(
            t ->
                sb.append("\nSuggested `.dockerignore` lines:\n\n```\n").append(t).append("```\n"));
    r.analysis()
        .rewritten()
        .ifPresent(
            t -> {
              sb.append("\n<details><summary>Rewritten Dockerfile</summary>\n\n");
              r.analysis().edits().forEach(e -> sb.append("- ").append(e).append('\n'));
              sb.append("\n```dockerfile\n").append(t);
              if (!t.endsWith("\n")) {
                sb.append('\n');
              }
              sb.append("```\n\n</details>\n");
            });
    return sb.toString();
  }

  /** Table-safe Markdown: pipes escaped, line breaks flattened. */
  static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }

  static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
