package dev.layerlab.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to RUN, COPY or ADD ({@code <<EOF ... EOF}).
 *
 * @param name the delimiter word with quotes removed, e.g. {@code EOF}
 * @param content the body exactly as written, line endings included; for {@code <<-} the leading
 *     tabs are still present, see {@link #effectiveContent()}
 * @param expand whether variables in the body are expanded (false when the delimiter was quoted)
 * @param chomp whether the {@code <<-} form was used
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp) {

  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  /** The body as BuildKit hands it to the build: leading tabs removed from every line for chomp. */
  public String effectiveContent() {
    if (!chomp) {
      return content;
    }
    StringBuilder sb = new StringBuilder(content.length());
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '\t') {
        continue;
      }
      lineStart = c == '\n';
      sb.append(c);
    }
    return sb.toString();
  }

  Heredoc withContent(String newContent) {
    return new Heredoc(name, newContent, expand, chomp);
  }
}
