package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.search.LenientQuery;
import io.zoomdex.search.QuerySyntax;
import io.zoomdex.search.QueryWords;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;

/**
 * Turns a searcher's text into an OpenSearch {@code query_string} over title and body with the same
 * meaning as the Lucene backend: words must all match; phrases, {@code OR}, {@code -word} and
 * trailing wildcards work; field names, ranges, regular expressions, fuzzy and boosts are escaped.
 * OpenSearch's {@code query_string} uses Lucene's classic grammar, so the text is first parsed here
 * with that grammar: text that does not parse is searched as its plain words, as in Lucene, and no
 * input ever reaches the cluster as a syntax error.
 */
final class TextQuery {

  private TextQuery() {}

  /**
   * The query for non-blank text.
   *
   * @return a {@code query_string} query, or {@code match_none} when nothing searchable is left
   */
  static ObjectNode of(ObjectMapper json, String text) {
    String escaped = QuerySyntax.escapeAdvancedSyntax(LenientQuery.repair(text));
    return parses(escaped) ? queryString(json, escaped) : plainWords(json, text);
  }

  /** The text's words only, every operator and symbol dropped. */
  static ObjectNode plainWords(ObjectMapper json, String text) {
    String plain = QuerySyntax.plainWords(text);
    if (plain.isEmpty()) {
      ObjectNode none = json.createObjectNode();
      none.putObject("match_none");
      return none;
    }
    return queryString(json, plain);
  }

  /**
   * The loose form of a natural-language query ({@link QueryWords}): any of its content words in
   * title or body, at least {@link QueryWords#minimumShouldMatch(int)} of them.
   *
   * @return the loose query, or empty when the text has no content word
   */
  static Optional<ObjectNode> loose(ObjectMapper json, String text) {
    List<String> words = QueryWords.contentWords(text);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode query = json.createObjectNode();
    ObjectNode bool = query.putObject("bool");
    ArrayNode should = bool.putArray("should");
    for (String word : words) {
      ObjectNode match = should.addObject().putObject("multi_match");
      match.put("query", word);
      match
          .putArray("fields")
          .add(OpenSearchSchema.TITLE + "^" + OpenSearchSchema.TITLE_BOOST)
          .add(OpenSearchSchema.BODY);
    }
    bool.put("minimum_should_match", QueryWords.minimumShouldMatch(words.size()));
    return Optional.of(query);
  }

  private static ObjectNode queryString(ObjectMapper json, String text) {
    ObjectNode query = json.createObjectNode();
    ObjectNode body = query.putObject("query_string");
    body.put("query", text);
    body.putArray("fields")
        .add(OpenSearchSchema.TITLE + "^" + OpenSearchSchema.TITLE_BOOST)
        .add(OpenSearchSchema.BODY);
    body.put("default_operator", "AND");
    body.put("allow_leading_wildcard", false);
    body.put("auto_generate_synonyms_phrase_query", false);
    return query;
  }

  private static boolean parses(String text) {
    QueryParser parser = new QueryParser(OpenSearchSchema.BODY, new WhitespaceAnalyzer());
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    try {
      parser.parse(text);
      return true;
    } catch (ParseException | IndexSearcher.TooManyClauses e) {
      return false;
    }
  }
}
