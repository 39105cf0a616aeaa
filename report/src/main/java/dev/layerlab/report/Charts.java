package dev.layerlab.report;

import dev.layerlab.stats.Summary;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a run's charts with XChart and saves each as PNG and SVG. */
public final class Charts {

  private static final Color[] PALETTE = {
    new Color(0x4C72B0),
    new Color(0xDD8452),
    new Color(0x55A868),
    new Color(0xC44E52),
    new Color(0x8172B3),
    new Color(0x937860)
  };

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * Median build time per change pattern, one bar per variant.
   *
   * @return the file names written (without directory)
   */
  public static List<String> rebuildTimes(RunView view, Path dir) throws IOException {
    List<String> changes = view.changes();
    CategoryChart chart =
        base("Build time after each change (median of repetitions)", "change", "seconds");
    for (String variant : view.variants()) {
      List<Double> medians = new ArrayList<>();
      for (String change : changes) {
        Summary s = view.buildSummary(variant, change);
        medians.add(s.isEmpty() ? 0.0 : s.median());
      }
      chart.addSeries(variant, changes, medians);
    }
    return save(chart, dir, "rebuild-time");
  }

  /** Median time to the ready line per start-up mode. */
  public static List<String> startupTimes(RunView view, Path dir) throws IOException {
    List<String> modes = view.startupModes();
    CategoryChart chart = base("Start-up time to ready (median)", "mode", "seconds");
    List<Double> medians = new ArrayList<>();
    for (String mode : modes) {
      Summary s = view.startupSummary(mode);
      medians.add(s.isEmpty() ? 0.0 : s.median());
    }
    chart.addSeries("start-up", modes, medians);
    chart.getStyler().setLegendVisible(false);
    return save(chart, dir, "startup-time");
  }

  /**
   * Median build time of each cell across runs, oldest to newest: one line per cell. The file's
   * extension, {@code .png} or {@code .svg}, picks the format.
   */
  public static void history(History h, Path file) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title(h.scenario() + ": median build time per cell across runs")
            .xAxisTitle("run (oldest to newest)")
            .yAxisTitle("seconds")
            .build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setSeriesColors(PALETTE);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> runLabel(h, x));
    chart.getStyler().setXAxisDecimalPattern("0");
    for (History.Series s : h.cells()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < s.medians().size(); i++) {
        if (!Double.isNaN(s.medians().get(i))) {
          xs.add(i + 1.0);
          ys.add(s.medians().get(i));
        }
      }
      if (!xs.isEmpty()) {
        chart.addSeries(s.label(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
      }
    }
    String name = file.getFileName().toString();
    String base = file.toString().substring(0, file.toString().length() - 4);
    if (name.endsWith(".svg")) {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } else if (name.endsWith(".png")) {
      BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    } else {
      throw new IllegalArgumentException(file + ": a chart is .png or .svg");
    }
  }

  private static String runLabel(History h, double x) {
    int i = (int) Math.round(x) - 1;
    if (Math.abs(x - Math.rint(x)) > 1e-9 || i < 0 || i >= h.runs().size()) {
      return "";
    }
    return h.runs().get(i).runId();
  }

  private static CategoryChart base(String title, String x, String y) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(450)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setSeriesColors(PALETTE);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    styler.setDecimalPattern("#0.0");
    chart.getStyler().setLabelsVisible(true);
    return chart;
  }

  private static List<String> save(CategoryChart chart, Path dir, String name) throws IOException {
    BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, dir.resolve(name).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return List.of(name + ".png", name + ".svg");
  }
}
