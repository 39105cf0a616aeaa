package dev.layerlab.scenarios.multistage;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a table of rebuild times (variant, change, seconds) and gives the median per cell. */
final class Timings {

  private Timings() {}

  /** Median seconds by "variant / change", in name order. */
  static Map<String, Double> medians(Reader csv) throws IOException {
    Map<String, List<Double>> cells = new TreeMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    for (CSVRecord row : format.parse(csv)) {
      String cell = row.get("variant") + " / " + row.get("change");
      cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(Double.valueOf(row.get("seconds")));
    }
    Map<String, Double> medians = new TreeMap<>();
    cells.forEach(
        (cell, values) -> {
          values.sort(null);
          int mid = values.size() / 2;
          medians.put(
              cell,
              values.size() % 2 == 1 ? values.get(mid) : (values.get(mid - 1) + values.get(mid)) / 2);
        });
    return medians;
  }
}
