package io.zoomdex.inspect;

import io.zoomdex.document.Document;
import java.util.List;
import java.util.Objects;

/**
 * Everything the inspector says about one document.
 *
 * @param document the document as indexed
 * @param readers its readers, each with the rules that made them one, in principal order
 * @param status how it was indexed and its last error
 * @param as the decision for the person asked about, or null when nobody was asked about
 */
public record Explanation(
    Document document, List<ReaderReason> readers, ItemStatus status, AccessDecision as) {
  public Explanation {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(status, "status");
    readers = List.copyOf(readers);
  }
}
