package dev.layerlab.dockerfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a Dockerfile into layerlab's model: directives, global ARGs and build stages. */
public final class DockerfileParser {

  private DockerfileParser() {}

  /** Reads and parses a file; bytes that are not UTF-8 are reported with their line. */
  public static Dockerfile parse(Path file) throws DockerfileException {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DockerfileException(source, 0, "cannot read the file: " + e.getMessage(), e);
    }
    return parse(decodeUtf8(bytes, source), source);
  }

  /** Parses Dockerfile text; {@code sourceName} labels messages and the result. */
  public static Dockerfile parse(String text, String sourceName) throws DockerfileException {
    ParsedAst ast = AstParser.parse(text, sourceName);
    List<Instruction> globalArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    for (Node node : ast.root().children()) {
      Instruction in = toInstruction(node);
      String problem = InstructionRules.check(in, writtenKeyword(node));
      if (problem != null) {
        throw new DockerfileException(sourceName, in.startLine(), problem);
      }
      if (in.keyword().equals("FROM")) {
        if (from != null) {
          stages.add(stage(stages.size(), from, body));
        }
        from = in;
        body = new ArrayList<>();
      } else if (from != null) {
        body.add(in);
      } else if (in.keyword().equals("ARG")) {
        globalArgs.add(in);
      } else {
        throw new DockerfileException(
            sourceName,
            in.startLine(),
            "no build stage in current context: "
                + in.keyword()
                + " must come after a FROM (only ARG may come before the first FROM)");
      }
    }
    if (from != null) {
      stages.add(stage(stages.size(), from, body));
    }
    return new Dockerfile(sourceName, ast.directives(), globalArgs, stages, ast.warnings());
  }

  /** Converts one parse-tree node; ONBUILD's arguments become the trigger keyword and its args. */
  static Instruction toInstruction(Node node) {
    List<String> args = new ArrayList<>();
    Node trigger = node.nestedInstruction();
    if (trigger != null) {
      args.add(writtenKeyword(trigger));
      trigger.next().forEach(n -> args.add(n.value()));
    } else {
      node.next().forEach(n -> args.add(n.value()));
    }
    boolean json = trigger != null ? trigger.json() : node.json();
    return new Instruction(
        GoText.toUpper(node.value()),
        node.flags(),
        args,
        json,
        node.original(),
        node.startLine(),
        node.endLine(),
        node.heredocs());
  }

  /** The instruction name with the case it was written in, for messages. */
  private static String writtenKeyword(Node node) {
    List<String> words = GoText.splitTokenSpace(GoText.trimSpace(node.original()), 2);
    return words.get(0);
  }

  private static Stage stage(int index, Instruction from, List<Instruction> body) {
    List<String> args = from.args();
    Optional<String> name =
        args.size() == 3 ? Optional.of(GoText.toLower(args.get(2))) : Optional.empty();
    return new Stage(index, name, from, args.get(0), body);
  }

  /** Strict UTF-8: BuildKit would pass broken bytes through, but no real Dockerfile has them. */
  private static String decodeUtf8(byte[] bytes, String source) throws DockerfileException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new DockerfileException(
          source,
          line,
          String.format(
              "invalid UTF-8 byte 0x%02x at column %d; save the file as UTF-8 (is it a binary"
                  + " file?)",
              bytes[offset] & 0xFF, offset - lineStart + 1));
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
