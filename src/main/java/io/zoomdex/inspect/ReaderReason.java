package io.zoomdex.inspect;

import java.util.List;

/**
 * One reader of a document and the rules of {@code permissions.md} that made them one.
 *
 * @param email the reader
 * @param rules the rules as the crawler recorded them ({@code host}, {@code participant}, {@code
 *     summary setting 3}, ...); empty when the document was indexed before rules were recorded
 */
public record ReaderReason(String email, List<String> rules) {
  public ReaderReason {
    rules = List.copyOf(rules);
  }
}
