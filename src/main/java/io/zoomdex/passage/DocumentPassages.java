package io.zoomdex.passage;

import io.zoomdex.document.Document;
import java.util.List;
import java.util.Objects;

/**
 * A document and its embedded passages, to be written to the index together (in the same commit),
 * each passage with the document's readers.
 */
public record DocumentPassages(Document document, List<EmbeddedPassage> passages) {

  public DocumentPassages {
    Objects.requireNonNull(document, "document");
    passages = List.copyOf(passages);
  }
}
