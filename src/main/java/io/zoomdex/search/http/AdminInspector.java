package io.zoomdex.search.http;

import io.zoomdex.document.DocumentId;
import io.zoomdex.search.SearchException;
import java.util.Map;
import java.util.Optional;

/**
 * The index inspector behind the admin routes ({@code /api/admin/explain}, {@code
 * /api/admin/whois}), as JSON-ready maps. The server checks that the caller holds an admin token
 * before calling either method.
 */
public interface AdminInspector {
  /**
   * A document's readers with the rule that made each one, its indexing status and last error, and,
   * when {@code as} is given, whether that person can read it and why.
   *
   * @param as any value a searcher may present, or null
   * @return the body of {@code /api/admin/explain}; empty when the index has no such document
   * @throws SearchException when the index cannot be read
   */
  Optional<Map<String, Object>> explain(DocumentId id, String as) throws SearchException;

  /**
   * What identity mapping makes of a value: match, no match or ambiguous, and the rule that
   * decided.
   *
   * @return the body of {@code /api/admin/whois}; never null
   */
  Map<String, Object> whois(String value);
}
