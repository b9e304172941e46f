package io.zoomdex.sync;

import io.zoomdex.document.Document;
import io.zoomdex.source.DocumentMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document's version: a hash over its content, its readers and the mapper's version. Equal
 * versions mean the index already holds exactly this document; a changed reader set changes the
 * version, so permission changes are always re-indexed.
 */
public final class DocumentVersion {
  private DocumentVersion() {}

  /** The version of a document as the current mapper builds it. */
  public static String of(Document document) {
    MessageDigest sha = sha256();
    field(sha, "mapper", Integer.toString(DocumentMapper.VERSION));
    field(sha, "id", document.id().toString());
    field(sha, "title", document.title());
    field(sha, "body", document.body());
    field(sha, "host", document.hostEmail());
    field(sha, "start", String.valueOf(document.startTime()));
    field(sha, "duration", Integer.toString(document.durationMinutes()));
    field(sha, "url", document.url());
    field(sha, "readers", String.join("\n", document.readers().emails()));
    // The rules are shown by `explain`: a reader who stays but for another rule is re-indexed.
    document
        .readers()
        .rules()
        .forEach((reader, rules) -> field(sha, "rules " + reader, rules.toString()));
    // Who is withheld is kept with the document, so that a reactivation can give them back.
    document
        .readers()
        .withheld()
        .forEach((person, rules) -> field(sha, "withheld " + person, rules.toString()));
    for (Map.Entry<String, String> id : new TreeMap<>(document.sourceIds()).entrySet()) {
      field(sha, id.getKey(), id.getValue());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Length-prefixed so that no two different documents hash the same bytes. */
  private static void field(MessageDigest sha, String name, String value) {
    byte[] bytes = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
