package io.zoomdex.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import org.junit.jupiter.api.Test;

class LineBreakIteratorTest {

  @Test
  void boundaries_areLineStartsAndTheEnd() {
    LineBreakIterator lines = new LineBreakIterator();
    lines.setText("ab\ncd\nef\n");
    assertThat(lines.first()).isZero();
    assertThat(lines.next()).isEqualTo(3);
    assertThat(lines.next()).isEqualTo(6);
    assertThat(lines.next()).isEqualTo(9);
    assertThat(lines.next()).isEqualTo(BreakIterator.DONE);
    assertThat(lines.last()).isEqualTo(9);
    assertThat(lines.previous()).isEqualTo(6);
  }

  @Test
  void followingAndPreceding_findTheEnclosingLine() {
    LineBreakIterator lines = new LineBreakIterator();
    lines.setText("ab\ncd\nef");
    assertThat(lines.following(4)).isEqualTo(6);
    assertThat(lines.preceding(4)).isEqualTo(3);
    assertThat(lines.following(3)).isEqualTo(6);
    assertThat(lines.preceding(3)).isZero();
    assertThat(lines.following(8)).isEqualTo(BreakIterator.DONE);
    assertThat(lines.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(lines.isBoundary(6)).isTrue();
    assertThat(lines.isBoundary(5)).isFalse();
  }

  @Test
  void emptyText_hasOnlyTheStart() {
    LineBreakIterator lines = new LineBreakIterator();
    lines.setText("");
    assertThat(lines.first()).isZero();
    assertThat(lines.next()).isEqualTo(BreakIterator.DONE);
  }
}
