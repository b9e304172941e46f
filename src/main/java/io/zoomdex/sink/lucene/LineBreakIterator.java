package io.zoomdex.sink.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Breaks text into lines, so each highlighted passage is a whole line. Transcript bodies hold one
 * cue per line ({@code [00:12:34] Alice Smith: text}), so a passage always starts with the cue's
 * time and speaker; agendas and summaries break at their own line ends.
 */
final class LineBreakIterator extends BreakIterator {

  private String text = "";
  private int[] boundaries = {0};
  private int current;

  @Override
  public int first() {
    current = 0;
    return boundaries[0];
  }

  @Override
  public int last() {
    current = boundaries.length - 1;
    return boundaries[current];
  }

  @Override
  public int next(int n) {
    int target = current + n;
    if (target < 0 || target >= boundaries.length) {
      current = target < 0 ? 0 : boundaries.length - 1;
      return DONE;
    }
    current = target;
    return boundaries[current];
  }

  @Override
  public int next() {
    return next(1);
  }

  @Override
  public int previous() {
    return next(-1);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    // Index of the first boundary strictly after offset.
    int index = insertionPoint(offset + 1);
    if (index >= boundaries.length) {
      current = boundaries.length - 1;
      return DONE;
    }
    current = index;
    return boundaries[current];
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    // Index of the last boundary strictly before offset.
    int index = insertionPoint(offset) - 1;
    if (index < 0) {
      current = 0;
      return DONE;
    }
    current = index;
    return boundaries[current];
  }

  @Override
  public int current() {
    return boundaries[current];
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public void setText(String newText) {
    text = newText;
    int[] found = new int[16];
    int count = 0;
    found[count++] = 0;
    for (int i = 0; i < newText.length(); i++) {
      if (newText.charAt(i) == '\n' && i + 1 < newText.length()) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    if (newText.length() > 0) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count + 1);
      }
      found[count++] = newText.length();
    }
    boundaries = Arrays.copyOf(found, count);
    current = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      copy.append(c);
    }
    setText(copy.toString());
  }

  /** The index of the first boundary at or after {@code offset}. */
  private int insertionPoint(int offset) {
    int found = Arrays.binarySearch(boundaries, offset);
    return found >= 0 ? found : -found - 1;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException(
          "Offset " + offset + " outside the text of length " + text.length());
    }
  }
}
