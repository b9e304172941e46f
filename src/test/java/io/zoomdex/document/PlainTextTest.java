package io.zoomdex.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
  @Test
  void controlCharacters_areDropped_butTabsAndLineBreaksStay() {
    assertThat(
            PlainText.withoutControlCharacters("a\u0000b\u0007c\u001b[31md\u007fe\u009bf\tg\nh\ri"))
        .isEqualTo("abc[31mdef\tg\nh\ri");
  }

  @Test
  void document_titleAndBody_carryNoControlCharacters() {
    Document document =
        new Document(
            DocumentId.parse("meeting:1"),
            "\u001b]0;owned\u0007Plan",
            "line\u0000one\nline two",
            "",
            null,
            0,
            "",
            Readers.NOBODY,
            null);
    assertThat(document.title()).isEqualTo("]0;ownedPlan");
    assertThat(document.body()).isEqualTo("lineone\nline two");
  }

  @Test
  void nullText_becomesEmpty() {
    assertThat(PlainText.withoutControlCharacters(null)).isEmpty();
  }
}
