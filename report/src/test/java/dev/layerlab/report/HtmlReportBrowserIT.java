package dev.layerlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the python-app run's report.html in headless Chromium: the page must paint, and every chart
 * must reach the DOM. Skips without {@code /usr/bin/chromium} unless {@code
 * LAYERLAB_REQUIRE_BROWSER=1}, which turns a missing browser into a failure.
 */
class HtmlReportBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path COMMITTED_RUN = CommittedRun.resultsJson();
  private static final Pattern SECTION = Pattern.compile("<section id=\"([a-z]+)\"");

  @TempDir Path dir;

  @BeforeEach
  void needsChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    String message = CHROMIUM + " is missing; install Debian's chromium (apt-get install chromium)";
    if ("1".equals(System.getenv("LAYERLAB_REQUIRE_BROWSER"))) {
      fail(message + ", or unset LAYERLAB_REQUIRE_BROWSER to skip this test");
    }
    Assumptions.abort(message + " to run this test");
  }

  @Test
  void committedRun_paintsAndEveryChartReachesTheDom() throws Exception {
    RunReport.write(JsonReport.read(COMMITTED_RUN), dir);
    Path page = dir.resolve("report.html");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Path png = dir.resolve("report.png");

    chromium("--screenshot=" + png, "--window-size=1280,4000", page.toUri().toString());
    String dom = chromium("--dump-dom", page.toUri().toString());

    assertThat(png).as("screenshot of the page").isNotEmptyFile();
    assertThat(Files.readAllBytes(png)).as("PNG signature").startsWith(0x89, 'P', 'N', 'G');
    assertThat(count(dom, "<svg")).as("chart SVGs in the DOM").isEqualTo(count(html, "<svg"));
    Matcher sections = SECTION.matcher(html);
    while (sections.find()) {
      assertThat(dom).as("section %s in the DOM", sections.group(1)).contains(sections.group());
    }
    Path kept = Path.of("target", "report-screenshot.png");
    Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs headless Chromium on its own profile and returns what it printed on stdout. */
  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as("chromium exit code; stderr:%n%s", Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
