package dev.layerlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.layerlab.measure.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code results.json}: the whole run as one document, for tools. */
public final class JsonReport {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** The name of the derived section that {@link #read} ignores. */
  public static final String STATISTICS = "statistics";

  private JsonReport() {}

  /**
   * Writes the run, plus a {@value #STATISTICS} section (centre, spread and outliers per cell and
   * start-up mode) that tools can read without recomputing it.
   */
  public static void write(RunResult run, Path file) throws IOException {
    ObjectNode doc = JSON.valueToTree(run);
    doc.set(STATISTICS, StatisticsSection.json(new RunView(run)));
    JSON.writeValue(file.toFile(), doc);
  }

  /** Reads a run back from its {@code results.json}, to render its report again. */
  public static RunResult read(Path file) throws IOException {
    JsonNode doc = JSON.readTree(file.toFile());
    if (doc instanceof ObjectNode o) {
      // Derived from the rest; it is computed again on writing.
      o.remove(STATISTICS);
    }
    return JSON.treeToValue(doc, RunResult.class);
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
