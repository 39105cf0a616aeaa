package dev.layerlab.report;

import java.util.Locale;

/** Escaping and number formats shared by the HTML page and its hand-drawn charts. */
final class Html {

  private Html() {}

  /** Text made safe for an HTML element or a quoted attribute. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A coordinate with at most one decimal, always with a dot. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Bytes as B, kB, MB or GB (powers of 1000, as Docker prints them). */
  static String bytes(long b) {
    if (b < 1000) {
      return b + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = b;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.1f %s", v, units[u]);
  }

  /** An instruction cut to a length a chart label can hold. */
  static String shorten(String text, int max) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > max ? oneLine.substring(0, max - 1) + "…" : oneLine;
  }
}
