package io.zoomdex.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that lets a natural-language question work in keyword mode, the same for every backend.
 *
 * <p>A keyword query normally needs every word. A <em>loose</em> form matches any of its content
 * words instead, and at least half of them (rounded down, at least one): the words left after
 * dropping stop words, question words and auxiliaries ("when is the old payments endpoint being
 * retired?" becomes {@code old payments endpoint retired}, at least two of them). BM25 still ranks
 * documents with more and rarer words first. The loose form is used:
 *
 * <ul>
 *   <li>at once for a question: text ending in {@code ?}, or of at least three words starting with
 *       a question word or auxiliary (who, what, when, how, is, does, can, ...);
 *   <li>as a second try for any other query with at least two content words that matched nothing
 *       readable when every word was required.
 * </ul>
 *
 * Queries using the query language (quotes, {@code OR}, {@code -word}, {@code prefix*}) are never
 * loosened: their author said exactly what they want.
 */
public final class QueryWords {

  /** Words that carry no topic: articles, pronouns, auxiliaries, question words, fillers. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "but",
          "if",
          "then",
          "else",
          "of",
          "to",
          "in",
          "on",
          "at",
          "by",
          "for",
          "with",
          "about",
          "from",
          "into",
          "onto",
          "over",
          "under",
          "as",
          "than",
          "that",
          "this",
          "these",
          "those",
          "there",
          "here",
          "it",
          "its",
          "it's",
          "i",
          "me",
          "my",
          "we",
          "us",
          "our",
          "you",
          "your",
          "he",
          "him",
          "his",
          "she",
          "her",
          "they",
          "them",
          "their",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "am",
          "do",
          "does",
          "did",
          "done",
          "doing",
          "have",
          "has",
          "had",
          "having",
          "can",
          "could",
          "should",
          "would",
          "will",
          "shall",
          "may",
          "might",
          "must",
          "not",
          "no",
          "so",
          "too",
          "very",
          "just",
          "any",
          "some",
          "all",
          "what",
          "which",
          "who",
          "whom",
          "whose",
          "when",
          "where",
          "why",
          "how",
          "whats",
          "anyone",
          "anybody",
          "someone",
          "somebody",
          "anything",
          "something",
          "get",
          "got",
          "there's",
          "let",
          "lets",
          "please",
          "tell",
          "know",
          "say",
          "said",
          "ever",
          "also",
          "again",
          "yet",
          "still",
          "going",
          "go",
          "up",
          "out",
          "off");

  /** First words that make a query of three or more words a question. */
  private static final Set<String> QUESTION_STARTS =
      Set.of(
          "who", "what", "when", "where", "why", "how", "which", "whose", "is", "are", "was",
          "were", "do", "does", "did", "can", "could", "should", "would", "will", "has", "have",
          "had", "any", "anyone", "whats", "what's");

  private QueryWords() {}

  /** Whether the text uses the query language (phrases, OR, exclusion, wildcards). */
  public static boolean usesSyntax(String query) {
    if (query.indexOf('"') >= 0 || query.indexOf('*') >= 0) {
      return true;
    }
    for (String word : query.strip().split("\\s+")) {
      if (word.equals("OR") || word.equals("AND") || word.equals("NOT") || word.startsWith("-")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text reads as a natural-language question (see the class comment). */
  public static boolean isQuestion(String query) {
    String text = query.strip();
    if (text.isEmpty() || usesSyntax(text)) {
      return false;
    }
    if (text.endsWith("?")) {
      return true;
    }
    String[] words = QuerySyntax.plainWords(text).split("\\s+");
    return words.length >= 3 && QUESTION_STARTS.contains(words[0]);
  }

  /**
   * The content words of a query, lower-cased, in order, without repeats: letters and digits only,
   * stop words dropped. Empty when nothing is left.
   */
  public static List<String> contentWords(String query) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : QuerySyntax.plainWords(query.replace("'", "")).split("\\s+")) {
      if (!word.isEmpty() && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        words.add(word);
      }
    }
    return new ArrayList<>(words);
  }

  /** How many of {@code contentWords} a loose match needs: half, rounded down, at least one. */
  public static int minimumShouldMatch(int contentWords) {
    return Math.max(1, contentWords / 2);
  }

  /** Whether a query may be retried loosely after matching nothing with every word required. */
  public static boolean loosenable(String query) {
    return !usesSyntax(query) && contentWords(query).size() >= 2;
  }
}
