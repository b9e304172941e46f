package io.zoomdex.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Repairs a searcher's query before it is parsed, so that a stray operator never turns a search
 * into a silent zero: {@code AND budget}, {@code budget OR} and {@code budget AND(} all search for
 * {@code budget}. Operators ({@code AND}, {@code OR}, {@code NOT}, {@code &&}, {@code ||}, {@code
 * !}, a lone {@code -} or {@code +}) without the words they join are dropped, as are unbalanced
 * parentheses, empty groups and an unclosed quote. A query that was well formed comes back with the
 * same meaning.
 */
public final class LenientQuery {
  private static final Set<String> BINARY = Set.of("AND", "OR", "&&", "||");
  private static final Set<String> UNARY = Set.of("NOT", "!");
  private static final Set<String> LONE_SIGNS = Set.of("-", "+");

  private LenientQuery() {}

  /** The query with its stray operators, parentheses and quote removed; may be empty. */
  public static String repair(String text) {
    List<String> tokens = tokens(closeOrDropQuote(text));
    boolean changed = true;
    while (changed) {
      int before = tokens.size();
      tokens = dropUnbalancedParentheses(dropStrayOperators(tokens));
      changed = tokens.size() != before;
    }
    return String.join(" ", tokens);
  }

  /** An odd number of quotes: the last one opens nothing and is dropped. */
  private static String closeOrDropQuote(String text) {
    long quotes = text.chars().filter(c -> c == '"').count();
    if (quotes % 2 == 0) {
      return text;
    }
    int last = text.lastIndexOf('"');
    return text.substring(0, last) + " " + text.substring(last + 1);
  }

  /** Words, "phrases" (with anything after the closing quote, e.g. ~2), and single parentheses. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (quoted) {
        current.append(c);
      } else if (Character.isWhitespace(c) || ((c == '(' || c == ')') && !escaped(text, i))) {
        flush(tokens, current);
        if (!Character.isWhitespace(c)) {
          tokens.add(String.valueOf(c));
        }
      } else {
        current.append(c);
      }
    }
    flush(tokens, current);
    return tokens;
  }

  private static boolean escaped(String text, int i) {
    return i > 0 && text.charAt(i - 1) == '\\';
  }

  private static void flush(List<String> tokens, StringBuilder current) {
    if (current.length() > 0) {
      tokens.add(current.toString());
      current.setLength(0);
    }
  }

  private static List<String> dropStrayOperators(List<String> tokens) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (LONE_SIGNS.contains(token)) {
        continue;
      }
      if (BINARY.contains(token)) {
        String previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        if (!endsOperand(previous) || !startsOperand(next)) {
          continue;
        }
      } else if (UNARY.contains(token) && (!startsOperand(next) || isOperator(next))) {
        continue;
      }
      kept.add(token);
    }
    return kept;
  }

  /** Drops a ")" that closes nothing, a "(" never closed, and "( )" with nothing inside. */
  private static List<String> dropUnbalancedParentheses(List<String> tokens) {
    boolean[] drop = new boolean[tokens.size()];
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("(")) {
        open.add(i);
      } else if (token.equals(")")) {
        if (open.isEmpty()) {
          drop[i] = true;
        } else {
          int start = open.remove(open.size() - 1);
          if (start == i - 1) {
            drop[start] = true;
            drop[i] = true;
          }
        }
      }
    }
    open.forEach(i -> drop[i] = true);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!drop[i]) {
        kept.add(tokens.get(i));
      }
    }
    return kept;
  }

  private static boolean isOperator(String token) {
    return token != null
        && (BINARY.contains(token) || UNARY.contains(token) || LONE_SIGNS.contains(token));
  }

  private static boolean endsOperand(String token) {
    return token != null && !isOperator(token) && !token.equals("(");
  }

  private static boolean startsOperand(String token) {
    return token != null
        && !token.equals(")")
        && !BINARY.contains(token)
        && !LONE_SIGNS.contains(token);
  }
}
