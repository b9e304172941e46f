package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

  @Test
  void html_escapesTextThenMarksHighlights() {
    Snippet snippet = new Snippet("<b>budget</b> & \"plan\"", List.of(new Snippet.Highlight(3, 9)));
    assertThat(snippet.html())
        .isEqualTo("&lt;b&gt;<mark>budget</mark>&lt;/b&gt; &amp; &quot;plan&quot;");
  }

  @Test
  void marked_wrapsEachHighlightAndLeavesTextAlone() {
    Snippet snippet =
        new Snippet(
            "[00:01:02] A: budget and plan",
            List.of(new Snippet.Highlight(14, 20), new Snippet.Highlight(25, 29)));
    assertThat(snippet.marked("*", "*")).isEqualTo("[00:01:02] A: *budget* and *plan*");
  }

  @Test
  void highlights_outsideTheTextOrOverlapping_areRejected() {
    assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Highlight(1, 4))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Snippet(
                    "abcdef", List.of(new Snippet.Highlight(0, 3), new Snippet.Highlight(2, 4))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Snippet.Highlight(2, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
