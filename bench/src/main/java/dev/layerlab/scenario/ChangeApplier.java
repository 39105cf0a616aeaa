package dev.layerlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a change pattern to a scratch copy by adding a harmless mark that carries a token unique
 * to the build. The mark keeps the project working (the app still starts, the manifest still
 * installs) while changing the file's content, which is all the build cache looks at.
 *
 * <p>Most files get a comment line appended. JSON has no comments, so a JSON file whose top level
 * is an object gets one more key, {@value #JSON_KEY}: package managers ignore keys they do not know
 * (npm documents {@code "//"} keys as the way to comment a {@code package.json}), so {@code npm ci}
 * still finds the manifest in step with its lock file. XML files such as {@code pom.xml} get a
 * {@code <!-- -->} comment before the closing tag of the root element.
 */
public final class ChangeApplier {

  /** The key added to a JSON object; it starts with {@code //} so readers take it as a comment. */
  public static final String JSON_KEY = "//layerlab-edit";

  /** How a kind of file takes an edit. */
  public enum EditKind {
    /** A line comment appended at the end. */
    LINE_COMMENT,
    /** A key added to the top-level JSON object. */
    JSON_KEY,
    /** An XML comment before the closing tag of the root element. */
    XML_COMMENT,
    /** An HTML comment appended on a line of its own (Markdown). */
    HTML_COMMENT_LINE
  }

  private static final Map<String, String> COMMENT_BY_EXTENSION =
      Map.ofEntries(
          Map.entry("py", "#"),
          Map.entry("txt", "#"),
          Map.entry("toml", "#"),
          Map.entry("cfg", "#"),
          Map.entry("ini", "#"),
          Map.entry("yaml", "#"),
          Map.entry("yml", "#"),
          Map.entry("properties", "#"),
          Map.entry("sh", "#"),
          Map.entry("rb", "#"),
          Map.entry("r", "#"),
          Map.entry("js", "//"),
          Map.entry("mjs", "//"),
          Map.entry("cjs", "//"),
          Map.entry("ts", "//"),
          Map.entry("java", "//"),
          Map.entry("go", "//"),
          Map.entry("rs", "//"),
          Map.entry("kt", "//"),
          Map.entry("c", "//"),
          Map.entry("h", "//"),
          Map.entry("cpp", "//"),
          Map.entry("cs", "//"),
          Map.entry("kts", "//"),
          Map.entry("gradle", "//"),
          Map.entry("mod", "//"),
          Map.entry("rst", ".."),
          Map.entry("adoc", "//"),
          Map.entry("php", "//"));

  private static final Set<String> XML_EXTENSIONS =
      Set.of("xml", "pom", "xsd", "html", "xhtml", "csproj", "fsproj", "vbproj", "props");

  /** Markdown has no line comment; an HTML comment on a line of its own renders as nothing. */
  private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ChangeApplier() {}

  /** The line-comment marker for a file, if layerlab knows one for its kind. */
  public static Optional<String> commentPrefix(String fileName) {
    String base = baseName(fileName);
    if (base.equals("Dockerfile") || base.startsWith("Dockerfile.") || base.equals("Gemfile")) {
      return Optional.of("#");
    }
    return extension(base).map(COMMENT_BY_EXTENSION::get);
  }

  /** How layerlab edits a file of this name, if it knows a way. */
  public static Optional<EditKind> editKind(String fileName) {
    if (commentPrefix(fileName).isPresent()) {
      return Optional.of(EditKind.LINE_COMMENT);
    }
    Optional<String> ext = extension(baseName(fileName));
    if (ext.filter("json"::equals).isPresent()) {
      return Optional.of(EditKind.JSON_KEY);
    }
    if (ext.filter(XML_EXTENSIONS::contains).isPresent()) {
      return Optional.of(EditKind.XML_COMMENT);
    }
    if (ext.filter(MARKDOWN_EXTENSIONS::contains).isPresent()) {
      return Optional.of(EditKind.HTML_COMMENT_LINE);
    }
    return Optional.empty();
  }

  /**
   * Why {@code relativeFile} under {@code root} cannot take an edit, or empty when it can. Looks at
   * the content only where the kind needs it: a JSON file must hold an object.
   */
  public static Optional<String> whyNotEditable(Path root, String relativeFile) throws IOException {
    Optional<EditKind> kind = editKind(relativeFile);
    if (kind.isEmpty()) {
      return Optional.of(
          "layerlab edits a file by adding a comment line (a key in a JSON object, a comment in"
              + " XML), and knows no comment syntax for this kind of file");
    }
    if (kind.get() != EditKind.JSON_KEY) {
      return Optional.empty();
    }
    return jsonProblem(Files.readString(root.resolve(relativeFile), StandardCharsets.UTF_8));
  }

  /**
   * Edits {@code relativeFile} under {@code root} with a mark that carries {@code token}.
   *
   * @return the file's previous content, to restore it afterwards
   */
  public static byte[] apply(Path root, String relativeFile, String token) throws IOException {
    Path target = root.resolve(relativeFile);
    byte[] before = Files.readAllBytes(target);
    EditKind kind =
        editKind(relativeFile)
            .orElseThrow(() -> new IOException("no way known to edit " + relativeFile));
    String text = new String(before, StandardCharsets.UTF_8);

    String edited =
        switch (kind) {
          case LINE_COMMENT ->
              appendLine(
                  text, commentPrefix(relativeFile).orElseThrow() + " layerlab edit " + token);
          case JSON_KEY -> addJsonKey(text, token, relativeFile);
          case XML_COMMENT -> addXmlComment(text, token);
          case HTML_COMMENT_LINE -> appendLine(text, xmlComment(token));
        };
    Files.writeString(target, edited, StandardCharsets.UTF_8);
    return before;
  }

  private static String appendLine(String text, String line) {
    String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    return text + separator + line + "\n";
  }

  /**
   * Inserts the key just before the object's closing brace, in the file's own layout: on a line of
   * its own, indented like the object's first key, when the object spans lines.
   */
  private static String addJsonKey(String text, String token, String file) throws IOException {
    Optional<String> problem = jsonProblem(text);
    if (problem.isPresent()) {
      throw new IOException("cannot edit " + file + ": " + problem.get());
    }
    String entry = quote(JSON_KEY) + ": " + quote(token);

    int close = text.lastIndexOf('}');
    String body = text.substring(0, close).stripTrailing();
    String tail = text.substring(close);
    String comma = body.endsWith("{") ? "" : ",";
    if (text.indexOf('\n') < 0 || text.indexOf('\n') > close) {
      return body + comma + " " + entry + " " + tail;
    }
    String lastLine = text.substring(text.lastIndexOf('\n', close) + 1, close);
    String closingIndent = lastLine.isBlank() ? lastLine : "";
    return body + comma + "\n" + memberIndent(text) + entry + "\n" + closingIndent + tail;
  }

  private static Optional<String> jsonProblem(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.of("it is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      String what = node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name();
      return Optional.of(
          "its top level is "
              + what.toLowerCase(Locale.ROOT)
              + ", not an object, so layerlab has nowhere to add its key");
    }
    return Optional.empty();
  }

  /** The indentation of the object's first member, or two spaces for an empty object. */
  private static String memberIndent(String text) {
    int open = text.indexOf('{');
    int newline = text.indexOf('\n', open);
    int start = newline + 1;
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    boolean member = end < text.length() && text.charAt(end) == '"';
    return member ? text.substring(start, end) : "  ";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Puts the comment before the root element's closing tag, where every XML reader allows one. A
   * file that does not end with a closing tag (a self-closing root, a trailing comment) gets the
   * comment at the end, which XML also allows after the root element.
   */
  private static String addXmlComment(String text, String token) {
    String comment = xmlComment(token);

    int closing = text.lastIndexOf("</");
    int end = closing < 0 ? -1 : text.indexOf('>', closing);
    if (end < 0 || !text.substring(end + 1).isBlank()) {
      return appendLine(text, comment);
    }
    int lineStart = text.lastIndexOf('\n', closing) + 1;
    String before = text.substring(lineStart, closing);
    if (!before.isBlank()) {
      return text.substring(0, closing) + comment + text.substring(closing);
    }
    String indent = before + (before.contains("\t") ? "\t" : "  ");
    return text.substring(0, lineStart) + indent + comment + "\n" + text.substring(lineStart);
  }

  private static String xmlComment(String token) {
    // "--" may not appear inside an XML comment.
    return "<!-- layerlab edit " + token.replaceAll("-(?=-)", "- ") + " -->";
  }

  private static String baseName(String fileName) {
    return fileName.substring(fileName.lastIndexOf('/') + 1);
  }

  private static Optional<String> extension(String baseName) {
    int dot = baseName.lastIndexOf('.');
    return dot < 0
        ? Optional.empty()
        : Optional.of(baseName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
