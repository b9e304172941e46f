package io.zoomdex.document;

import java.util.Objects;

/**
 * A document's identity: its type plus Zoom's own key (a meeting or webinar id, or an instance UUID
 * kept exactly as Zoom returns it, slashes and all). Typed so raw numeric ids never collide across
 * types.
 */
public record DocumentId(DocumentType type, String key) {

  public DocumentId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("A document id needs a non-empty key.");
    }
  }

  /**
   * Parses the external form {@code type:key}; the key may itself contain colons or slashes.
   *
   * @throws IllegalArgumentException when there is no known type prefix
   */
  public static DocumentId parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "A document id looks like 'meeting:123', not '" + text + "'.");
    }
    return new DocumentId(
        DocumentType.fromPrefix(text.substring(0, colon)), text.substring(colon + 1));
  }

  /** The external form, e.g. {@code past_meeting:/ajXp112QmuoKj4854875==}. */
  @Override
  public String toString() {
    return type.prefix() + ":" + key;
  }
}
