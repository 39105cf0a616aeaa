package dev.layerlab.cache;

import dev.layerlab.context.ContextEntry;
import dev.layerlab.context.EntryType;
import java.nio.charset.StandardCharsets;

/**
 * What a builder hashes about one copied path: type, permission bits, size, link target and content
 * digest; never mtime, and never the local owner (clients send 0).
 */
record FileFacts(EntryType type, int mode, long size, String linkTarget, String digest) {

  static FileFacts of(ContextEntry e) {
    return new FileFacts(e.type(), e.mode(), e.size(), e.linkTarget(), e.digest());
  }

  /** The per-entry key: header then content digest, standing in for header then content. */
  String key() {
    char typeflag =
        switch (type) {
          case FILE -> '0';
          case SYMLINK -> '2';
          case DIRECTORY -> '5';
          case OTHER -> '6';
        };
    long hashedSize = type == EntryType.FILE ? size : 0;
    byte[] header = EntryHeader.v1("", mode, hashedSize, typeflag, linkTarget);
    byte[] content = (digest == null ? "" : digest).getBytes(StandardCharsets.UTF_8);
    return EntryHeader.sha256(header, content);
  }

  boolean sameContent(FileFacts o) {
    return type == o.type
        && java.util.Objects.equals(digest, o.digest)
        && java.util.Objects.equals(linkTarget, o.linkTarget);
  }
}
