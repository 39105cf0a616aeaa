package dev.layerlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
          .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void write(RunResult run, Path file) throws IOException {
    JSON.writeValue(file.toFile(), run);
  }

  /** Reads a run back from its {@code results.json}, to render its report again. */
  public static RunResult read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), RunResult.class);
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
