package io.zoomdex.cli;

import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The demo's step that shows search by meaning: a question worded unlike any meeting, which keyword
 * search cannot match and semantic search answers. The question is chosen at run time among a few,
 * as the first whose keyword search finds nothing and whose semantic search ranks a meeting on the
 * expected subject in its top three; whatever happens is printed as it is.
 */
final class MeaningDemo {

  /** A question and a word of the subject it is about (the simulator's meeting topics). */
  record Question(String text, String subject) {}

  // Worded so that fewer than half of their content words occur in any meeting, so even the loose
  // keyword form matches nothing; the subjects are words of the simulator's meeting topics.
  static final List<Question> QUESTIONS =
      List.of(
          new Question("who is packing boxes for a different workplace?", "relocation"),
          new Question("how can we shrink our rented computing bills?", "cloud spend"),
          new Question("does the handset application hang when it regains signal?", "mobile app"),
          new Question("who is moving offices?", "relocation"));

  private final SearchService search;

  MeaningDemo(SearchService search) {
    this.search = search;
  }

  /** Prints the comparison for one person. */
  void show(PrintWriter out, String person) throws SearchException {
    Question chosen = QUESTIONS.get(0);
    for (Question question : QUESTIONS) {
      if (keyword(person, question).total() == 0 && semanticFinds(person, question)) {
        chosen = question;
        break;
      }
    }
    SearchResults keyword = keyword(person, chosen);
    SearchResults semantic = semantic(person, chosen);
    out.printf(
        Locale.ROOT,
        "%n4. Search by meaning, as %s: \"%s\"%n   keyword search: %s results%n"
            + "   semantic search (the passages' vectors, all-MiniLM-L6-v2 in the jar):%n",
        person,
        chosen.text(),
        keyword.totalText());
    for (SearchHit hit : semantic.hits()) {
      String at = hit.bestSnippet().offsetText();
      out.printf(
          Locale.ROOT,
          "     - [%s] %s%n       %s%s%n",
          hit.type().prefix(),
          hit.title(),
          at.isEmpty() ? "" : "at " + at + ": ",
          hit.bestSnippet().text());
    }
    out.flush();
  }

  private SearchResults keyword(String person, Question question) throws SearchException {
    return search.search(
        SearchRequest.of(person, question.text()).withMode(SearchMode.KEYWORD).withPage(3, 0));
  }

  private SearchResults semantic(String person, Question question) throws SearchException {
    return search.search(
        SearchRequest.of(person, question.text()).withMode(SearchMode.SEMANTIC).withPage(3, 0));
  }

  private boolean semanticFinds(String person, Question question) throws SearchException {
    for (SearchHit hit : semantic(person, question).hits()) {
      if (hit.title().toLowerCase(Locale.ROOT).contains(question.subject())) {
        return true;
      }
    }
    return false;
  }
}
