package dev.layerlab.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * A change inside a {@code .git} directory like the one every commit or fetch makes: a new loose
 * object under {@code objects/}, written as {@code git hash-object -w} would write it (a zlib
 * stream of {@code "blob <size>\0<content>"}, named by its SHA-1). The repository stays valid; the
 * object is simply unreferenced. What it changes is the build context, which is all the cache sees
 * when {@code .git} is sent.
 */
final class GitEdit {

  private GitEdit() {}

  /**
   * Writes a new object carrying {@code token} into {@code gitDir}.
   *
   * @return the paths created, deepest last, so that removing them in reverse undoes the edit
   */
  static List<Path> addObject(Path gitDir, String token) throws IOException {
    if (!Files.isDirectory(gitDir)) {
      throw new IOException(gitDir + " is not a directory, so there is no repository to change");
    }
    byte[] content = ("layerlab edit " + token + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8);
    byte[] raw = new byte[header.length + content.length];
    System.arraycopy(header, 0, raw, 0, header.length);
    System.arraycopy(content, 0, raw, header.length, content.length);
    String name = HexFormat.of().formatHex(sha1(raw));

    List<Path> created = new ArrayList<>();
    Path objects = gitDir.resolve("objects");
    for (Path dir : List.of(objects, objects.resolve(name.substring(0, 2)))) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectory(dir);
        created.add(dir);
      }
    }
    Path object = objects.resolve(name.substring(0, 2)).resolve(name.substring(2));
    if (Files.exists(object)) {
      return created; // the same token twice: the object is already there
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(compressed)) {
      out.write(raw);
    }
    Files.write(object, compressed.toByteArray());
    created.add(object);
    return created;
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
