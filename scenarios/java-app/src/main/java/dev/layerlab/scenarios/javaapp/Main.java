package dev.layerlab.scenarios.javaapp;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/** Prints the median rebuild time of each variant as JSON, then one line when ready. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();

    Properties settings = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/settings.properties")) {
      settings.load(in);
    }
    long seed = Long.parseLong(settings.getProperty("seed"));
    int rows = Integer.parseInt(settings.getProperty("rows"));

    Map<String, Double> medians = Rebuilds.medians(Rebuilds.table(seed, rows));
    System.out.println(new Gson().toJson(Map.of("medianRebuildSeconds", medians)));

    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%s in %.3fs (java %s)%n",
        settings.getProperty("ready.line"), seconds, Runtime.version().feature());
  }
}
