package io.zoomdex.search;

import java.util.Locale;

/**
 * The query language every backend offers, as text transformations: the classic syntax (words,
 * {@code "phrases"}, {@code OR}, {@code -word}, {@code prefix*}) with everything else escaped, and
 * a plain-words fallback for text that still does not parse.
 */
public final class QuerySyntax {

  private QuerySyntax() {}

  /**
   * Escapes the syntax we do not offer: {@code : / [ ] { } ^ ~ \}, so field names, ranges, regular
   * expressions, fuzzy and boost syntax (and a Zoom UUID with slashes) are just text.
   */
  public static String escapeAdvancedSyntax(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (":/[]{}^~\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The text's letters and digits only, every operator and symbol turned into a space, lower-cased
   * (so AND, OR and NOT are words, not operators), stripped; empty when nothing is left.
   */
  public static String plainWords(String text) {
    StringBuilder words = new StringBuilder(text.length());
    text.codePoints()
        .map(c -> Character.isLetterOrDigit(c) ? c : ' ')
        .forEach(words::appendCodePoint);
    return words.toString().toLowerCase(Locale.ROOT).strip();
  }
}
