package dev.layerlab.store;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Turns what the user gave as {@code --store} into a JDBC URL, and a URL into printable text. */
public final class StoreUrl {

  /** The store's file name inside the reports directory. */
  public static final String DEFAULT_FILE = "layerlab.sqlite";

  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

  private StoreUrl() {}

  /** The embedded store beside the reports: {@code jdbc:sqlite:<reports>/layerlab.sqlite}. */
  public static String beside(Path reportsDir) {
    return "jdbc:sqlite:" + reportsDir.resolve(DEFAULT_FILE);
  }

  /** A JDBC URL as given, or a file path made into a SQLite URL. */
  public static String of(String given) {
    return given.startsWith("jdbc:") ? given : "jdbc:sqlite:" + Path.of(given);
  }

  public static boolean isSqlite(String url) {
    return url.startsWith("jdbc:sqlite:");
  }

  /** The URL with any password replaced by {@code ***}, fit for messages and logs. */
  public static String display(String url) {
    String out = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(out).replaceAll("$1:***@");
  }

  /** The SQLite file a URL names, or null for an in-memory or non-SQLite URL. */
  public static Path sqliteFile(String url) {
    if (!isSqlite(url)) {
      return null;
    }
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:")) {
      return null;
    }
    return Path.of(rest);
  }
}
