package io.zoomdex.sink.lucene;

import io.zoomdex.search.LenientQuery;
import io.zoomdex.search.QuerySyntax;
import io.zoomdex.search.QueryWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Turns a searcher's text into a query over title and body. Words must all match; phrases, {@code
 * OR}, {@code -word} and trailing wildcards keep their classic meaning. Field prefixes, ranges,
 * regular expressions, fuzzy and boost syntax are escaped (so {@code readers:bob} or a Zoom UUID
 * with slashes is just text). Stray operators and parentheses are dropped first ({@link
 * LenientQuery}); text that still does not parse is searched as its plain words, so no input is an
 * error.
 */
final class TextQueries {

  private static final Map<String, Float> BOOSTS =
      Map.of(LuceneSchema.TITLE, LuceneSchema.TITLE_BOOST, LuceneSchema.BODY, 1.0f);
  private static final String[] FIELDS = {LuceneSchema.TITLE, LuceneSchema.BODY};

  private final Analyzer analyzer;

  TextQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query for non-blank text; may match nothing (e.g. only stop words), never throws. */
  Query parse(String text) {
    try {
      return newParser().parse(QuerySyntax.escapeAdvancedSyntax(LenientQuery.repair(text)));
    } catch (ParseException e) {
      return plainWords(text);
    }
  }

  /** The text's words only, every operator and symbol dropped: always parses. */
  Query plainWords(String text) {
    String plain = QuerySyntax.plainWords(text);
    if (plain.isEmpty()) {
      return new BooleanQuery.Builder().build();
    }
    try {
      return newParser().parse(plain);
    } catch (ParseException e) {
      throw new IllegalStateException("Letters, digits and spaces must always parse: " + plain, e);
    }
  }

  /**
   * Any of the text's content words, at least half of them ({@link QueryWords}): for questions, and
   * for text whose every word matches nothing. Each word is analysed as usual (title boosted);
   * words the analyser drops are left out.
   */
  Query loose(String text) {
    List<Query> words = new ArrayList<>();
    for (String word : QueryWords.contentWords(text)) {
      Query parsed = plainWords(word);
      if (!(parsed instanceof BooleanQuery bool && bool.clauses().isEmpty())) {
        words.add(parsed);
      }
    }
    BooleanQuery.Builder loose = new BooleanQuery.Builder();
    words.forEach(word -> loose.add(word, Occur.SHOULD));
    loose.setMinimumNumberShouldMatch(QueryWords.minimumShouldMatch(words.size()));
    return loose.build();
  }

  private QueryParser newParser() {
    // A parser is cheap and not thread-safe: one per query.
    MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    // Split on whitespace: otherwise a stop word next to a single word ("budget the") makes the
    // multi-field parser require the word in the title AND the body. A hyphenated word is then a
    // phrase ("e-mail"), as it was before.
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    return parser;
  }
}
