package dev.layerlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the per-file header the model hashes against the golden single-file digests taken from
 * BuildKit's and moby's tests: the same fields, in the same order, give the same digest.
 */
class FileKeyGoldenTest {

  private static final Pattern FILE_ROW =
      Pattern.compile("(?:context )?file '?([\\w./-]+)'? = '([^']*)'(?:.*mode (0\\d+))?.*");

  @Test
  void singleFileHeaders_reproduceTheGoldenDigests() throws Exception {
    Path golden =
        Path.of("")
            .toAbsolutePath()
            .getParent()
            .resolve("../shared/peer/checksum-golden.tsv")
            .normalize();
    List<String> rows = Files.readAllLines(golden, StandardCharsets.UTF_8);
    int checked = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t");
      Matcher m = FILE_ROW.matcher(f[2]);
      if (!m.matches()) {
        continue;
      }
      boolean classic = f[0].equals("moby-classic");
      byte[] content = m.group(2).getBytes(StandardCharsets.UTF_8);
      int mode = m.group(3) == null ? 0644 : Integer.parseInt(m.group(3), 8);
      String name = classic ? m.group(1) : "";
      String digest =
          EntryHeader.sha256(EntryHeader.v1(name, mode, content.length, '0', ""), content);
      String expected = f[4].replace("sha256:", "");
      assertThat(digest).as("row %s (%s)", f[1], f[2]).isEqualTo(expected);
      checked++;
    }
    System.out.println("checksum-golden.tsv: " + checked + " single-file digests reproduced");
    assertThat(checked).as("rows with a single regular file").isGreaterThanOrEqualTo(5);
  }
}
