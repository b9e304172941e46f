package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryWordsTest {

  @Test
  void question_dropsStopWords_andNeedsHalfOfWhatIsLeft() {
    String question = "When is the old payments endpoint being retired?";
    assertThat(QueryWords.isQuestion(question)).isTrue();
    assertThat(QueryWords.contentWords(question))
        .containsExactly("old", "payments", "endpoint", "retired");
    assertThat(QueryWords.minimumShouldMatch(4)).isEqualTo(2);
    assertThat(QueryWords.minimumShouldMatch(1)).isEqualTo(1);
  }

  @Test
  void questionWords_withoutQuestionMark_makeAQuestionFromThreeWords() {
    assertThat(QueryWords.isQuestion("who owns the budget")).isTrue();
    assertThat(QueryWords.isQuestion("who owns")).isFalse();
    assertThat(QueryWords.isQuestion("budget review")).isFalse();
  }

  @Test
  void queryLanguage_isNeverLoosened() {
    assertThat(QueryWords.isQuestion("\"budget review\"?")).isFalse();
    assertThat(QueryWords.loosenable("budget -draft")).isFalse();
    assertThat(QueryWords.loosenable("budget OR roadmap")).isFalse();
    assertThat(QueryWords.loosenable("road*")).isFalse();
    assertThat(QueryWords.loosenable("budget roadmap")).isTrue();
    assertThat(QueryWords.loosenable("the budget")).isFalse();
  }
}
