package dev.layerlab.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image as {@code docker save} streams it ({@code GET /images/{name}/get}), read in one pass:
 * each layer tar is indexed as it goes by, without keeping its contents, and only the small JSON
 * files (the manifest and the image configuration) are kept whole. The manifest, which comes last
 * or first depending on the Docker version, then puts the layers in order.
 *
 * <p>Both layouts are read: Docker's own ({@code <id>/layer.tar}, where a layer saved twice is a
 * symbolic link to the first copy) and the OCI layout of Docker 25 and later ({@code
 * blobs/sha256/<digest>}, where layers and JSON files are told apart by their first bytes).
 *
 * @param layers the layers, bottom first
 * @param history the configuration's history, one entry per instruction, oldest first
 */
public record SavedImage(List<LayerContents> layers, List<HistoryEntry> history) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JSON_BYTES = 16 << 20;

  public SavedImage {
    layers = List.copyOf(layers);
    history = List.copyOf(history);
  }

  /**
   * One entry of the image's history.
   *
   * @param createdBy the command that made it, as the builder recorded it
   * @param emptyLayer whether it made no layer (metadata such as {@code ENV} or {@code CMD})
   */
  public record HistoryEntry(String createdBy, boolean emptyLayer) {}

  /** Reads a saved image to the end of the stream. */
  public static SavedImage read(InputStream saved) throws IOException {
    Map<String, LayerContents> layers = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    Map<String, byte[]> json = new HashMap<>();
    TarArchiveInputStream in = new TarArchiveInputStream(saved);
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      String name = LayerContents.normalise(e.getName());
      if (e.isSymbolicLink()) {
        links.put(name, resolve(name, e.getLinkName()));
      } else if (e.isFile()) {
        BufferedInputStream body = new BufferedInputStream(in, 1024);
        if (name.endsWith("/layer.tar") || isTar(body)) {
          layers.put(name, LayerContents.read(body));
        } else if (e.getSize() <= MAX_JSON_BYTES && name.endsWith(".json")
            || name.startsWith("blobs/") && e.getSize() <= MAX_JSON_BYTES) {
          json.put(name, body.readAllBytes());
        }
      }
    }
    byte[] manifestBytes = json.get("manifest.json");
    if (manifestBytes == null) {
      throw new IOException("the saved image has no manifest.json");
    }
    JsonNode manifest = JSON.readTree(manifestBytes).path(0);
    List<LayerContents> ordered = new ArrayList<>();
    for (JsonNode layer : manifest.path("Layers")) {
      String path = LayerContents.normalise(layer.asText());
      String target = links.getOrDefault(path, path);
      LayerContents contents = layers.get(target);
      if (contents == null) {
        throw new IOException("the saved image lists layer " + path + " but holds no such tar");
      }
      ordered.add(contents);
    }
    List<HistoryEntry> history = new ArrayList<>();
    byte[] config = json.get(LayerContents.normalise(manifest.path("Config").asText()));
    if (config != null) {
      for (JsonNode h : JSON.readTree(config).path("history")) {
        history.add(
            new HistoryEntry(h.path("created_by").asText(""), h.path("empty_layer").asBoolean()));
      }
    }
    return new SavedImage(ordered, history);
  }

  /**
   * A tar has {@code ustar} at offset 257 of its first header; an empty layer is only the zero
   * blocks that end a tar.
   */
  private static boolean isTar(BufferedInputStream body) throws IOException {
    body.mark(1024);
    byte[] head = body.readNBytes(512);
    body.reset();
    if (head.length == 512 && allZero(head)) {
      return true;
    }
    return head.length >= 262
        && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** A symbolic link's target, relative to the link's directory, as a path in the archive. */
  private static String resolve(String link, String target) {
    if (target.startsWith("/")) {
      return LayerContents.normalise(target);
    }
    List<String> parts = new ArrayList<>(List.of(link.split("/")));
    parts.remove(parts.size() - 1);
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
