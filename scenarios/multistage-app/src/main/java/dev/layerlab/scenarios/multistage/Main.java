package dev.layerlab.scenarios.multistage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Prints the median rebuild time of each variant and change, then one line when ready. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();

    Properties settings = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/settings.properties")) {
      settings.load(in);
    }

    Map<String, Double> medians;
    try (Reader csv =
        new InputStreamReader(
            Main.class.getResourceAsStream(settings.getProperty("timings")),
            StandardCharsets.UTF_8)) {
      medians = Timings.medians(csv);
    }
    medians.forEach((cell, seconds) -> System.out.printf("%-24s %6.1f s%n", cell, seconds));

    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%s in %.3fs (java %s)%n",
        settings.getProperty("ready.line"), seconds, Runtime.version().feature());
  }
}
