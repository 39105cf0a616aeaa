package dev.layerlab.engine.cases;

import dev.layerlab.measure.StepRecord;
import java.util.List;
import java.util.stream.Collectors;

/** A plain-text table of cache-case observations: one row per case and builder. */
final class CaseTable {

  private CaseTable() {}

  static String render(List<CaseObservation> observations) {
    StringBuilder out = new StringBuilder();
    String format = "%-28s %-9s %5s  %-52s %s%n";
    out.append(
        String.format(format, "case", "builder", "steps", "missed after the change", "note"));
    for (CaseObservation o : observations) {
      String missed =
          o.failed()
              ? "(first build failed)"
              : o.after().stream()
                  .filter(s -> !s.cached())
                  .map(CaseTable::brief)
                  .collect(Collectors.joining(", "));
      String note = o.failed() ? o.error() : String.join("; ", o.notes());
      out.append(
          String.format(
              format,
              o.caseId(),
              o.builder(),
              o.failed() ? o.before().size() : o.after().size(),
              missed.isEmpty() ? "none" : missed,
              note));
    }
    return out.toString();
  }

  private static String brief(StepRecord s) {
    String text = s.instruction();
    if (text.length() > 22) {
      text = text.substring(0, 21) + "…";
    }
    return (s.line() > 0 ? s.line() + ":" : "") + text;
  }
}
