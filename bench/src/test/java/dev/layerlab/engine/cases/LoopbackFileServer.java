package dev.layerlab.engine.cases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves one file at {@code http://127.0.0.1:<port>/file.txt} the way a static file server does
 * (ETag, Last-Modified, 304 on a matching If-None-Match), and logs the requests it answers.
 */
final class LoopbackFileServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile byte[] body = new byte[0];
  private volatile Instant modified = Instant.now();

  LoopbackFileServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/file.txt", this::answer);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/file.txt";
  }

  /** Replaces the file; its Last-Modified moves to now. */
  void serve(String content) {
    body = content.getBytes(StandardCharsets.UTF_8);
    modified = Instant.now().minusSeconds(1);
  }

  /** The requests since the last call, e.g. {@code HEAD If-None-Match}, and forgets them. */
  List<String> takeRequests() {
    List<String> taken = List.copyOf(requests);
    requests.removeAll(taken);
    return taken;
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] content = body;
    String etag = "\"" + sha256(content).substring(0, 16) + "\"";
    String conditional = exchange.getRequestHeaders().getFirst("If-None-Match");
    requests.add(exchange.getRequestMethod() + (conditional == null ? "" : " If-None-Match"));
    exchange.getResponseHeaders().add("ETag", etag);
    exchange
        .getResponseHeaders()
        .add(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC)));
    if (etag.equals(conditional)) {
      exchange.sendResponseHeaders(304, -1);
    } else if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().add("Content-Length", String.valueOf(content.length));
      exchange.sendResponseHeaders(200, -1);
    } else {
      exchange.sendResponseHeaders(200, content.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
