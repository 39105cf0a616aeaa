package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {

  @TempDir Path dir;

  @Test
  void entriesLookLikeTheDockerCli_ownerZeroAndPermissionBitsOnly() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/app.py"), "print('hi')\n");
    Files.setPosixFilePermissions(
        dir.resolve("src/app.py"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(dir.resolve("link"), Path.of("src/app.py"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContextArchive.write(dir, List.of("link", "src", "src/app.py"), out);

    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        entries.add(e);
      }
    }
    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly("link", "src/", "src/app.py");
    TarArchiveEntry file = entries.get(2);
    assertThat(file.getMode()).as("no file-type bits, as the CLI sends").isEqualTo(0750);
    assertThat(file.getLongUserId()).isZero();
    assertThat(file.getLongGroupId()).isZero();
    assertThat(file.getUserName()).isEmpty();
    assertThat(file.getSize()).isEqualTo(12);
    assertThat(entries.get(0).isSymbolicLink()).isTrue();
    assertThat(entries.get(0).getLinkName()).isEqualTo("src/app.py");
  }
}
