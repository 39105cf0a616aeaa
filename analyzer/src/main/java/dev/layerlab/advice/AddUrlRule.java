package dev.layerlab.advice;

import dev.layerlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LL008: ADD of a remote URL without a checksum. The classic builder downloads it on every build
 * before it can look up the cache; BuildKit asks the server on every build whether it changed.
 */
final class AddUrlRule extends CatalogRule {

  private static final Pattern URL = Pattern.compile("^https?://");
  private static final Pattern GIT = Pattern.compile("\\.git(?:#.*)?$|^git@");

  AddUrlRule() {
    super(
        "LL008",
        Severity.WARNING,
        "ADD of a remote URL without a checksum",
        "The classic builder downloads an ADD URL on every build, because the step's cache key"
            + " is the downloaded file's content: the build waits for the download even when the"
            + " step then hits the cache. BuildKit asks the server on every build whether the"
            + " file changed, and a new Last-Modified date alone busts the step and everything"
            + " after it. Either way the build depends on the network and on the server's"
            + " honesty.",
        "On BuildKit pin the content with `ADD --checksum=sha256:<digest> <url> <dest>`: the"
            + " key is then the checksum and no request is made when it hits. On the classic"
            + " builder download a versioned URL in a RUN with curl and check it with sha256sum,"
            + " so the step is keyed by its command line.",
        "ADD https://example.com/tool.tar.gz /opt/");
  }

  @Override
  public List<Finding> check(RuleInput input) {
    List<Finding> findings = new ArrayList<>();
    boolean buildkit = input.builder() == BuilderKind.BUILDKIT;
    for (Instruction ins : input.dockerfile().instructions()) {
      if (!ins.keyword().equals("ADD")
          || ins.flag("checksum").isPresent()
          || ins.args().size() < 2) {
        continue;
      }
      List<String> urls =
          ins.args().subList(0, ins.args().size() - 1).stream()
              .filter(s -> URL.matcher(s).find())
              .filter(s -> !(buildkit && GIT.matcher(s).find()))
              .toList();
      if (urls.isEmpty()) {
        continue;
      }
      String message =
          words(ins)
              + " (line "
              + ins.startLine()
              + (buildkit
                  ? ") makes BuildKit ask the server on every build whether the file changed; a"
                      + " new Last-Modified date alone re-runs it and every later step"
                  : ") is downloaded on every build before the classic builder can look it up"
                      + " in the cache");
      String fix =
          buildkit
              ? "add --checksum=sha256:<digest> so the cache key is the checksum and no request"
                  + " is made"
              : "download a versioned URL in a RUN (curl -fsSL ... and sha256sum -c) so the step"
                  + " is keyed by its command line, or build with BuildKit and use ADD --checksum";
      findings.add(finding(input.dockerfile(), ins, message, fix));
    }
    return findings;
  }
}
