package io.zoomdex.document;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may read a document: lower-cased, trimmed email addresses. An empty set means nobody (fail
 * closed), never everybody.
 *
 * @param emails the readers
 * @param rules for each reader, the rules of {@code permissions.md} that made them one (e.g. {@code
 *     host}, {@code participant}, {@code summary setting 3}), as the reader rules recorded them;
 *     empty for readers whose rules were not recorded. Only readers have rules.
 */
public record Readers(Set<String> emails, Map<String, List<String>> rules) {

  public static final Readers NOBODY = new Readers(Set.of());

  public Readers {
    TreeSet<String> normalized = new TreeSet<>();
    for (String email : emails) {
      String principal = normalize(email);
      if (!principal.isEmpty()) {
        normalized.add(principal);
      }
    }
    emails = Collections.unmodifiableSortedSet(normalized);
    TreeMap<String, List<String>> kept = new TreeMap<>();
    if (rules != null) {
      rules.forEach(
          (email, named) -> {
            String principal = normalize(email);
            if (normalized.contains(principal) && named != null && !named.isEmpty()) {
              kept.merge(principal, List.copyOf(named), Readers::union);
            }
          });
    }
    rules = Collections.unmodifiableSortedMap(kept);
  }

  /** Readers whose rules were not recorded. */
  public Readers(Set<String> emails) {
    this(emails, Map.of());
  }

  /**
   * Readers with the rules that made each one a reader, in the order the rules were applied.
   *
   * @param rules reader to rule names; a reader with no rule is not a reader
   */
  public static Readers explained(Map<String, ? extends Collection<String>> rules) {
    Map<String, List<String>> copy = new TreeMap<>();
    rules.forEach((email, named) -> copy.put(email, List.copyOf(named)));
    return new Readers(copy.keySet(), copy);
  }

  /** The rules that made {@code principal} a reader; empty when none were recorded. */
  public List<String> rulesOf(String principal) {
    return rules.getOrDefault(normalize(principal), List.of());
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** Readers from raw emails; blanks and nulls add nobody. */
  public static Readers of(Collection<String> emails) {
    return new Readers(new HashSet<>(emails));
  }

  /** The canonical principal form of an email or searcher name: trimmed and lower-cased. */
  public static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** These readers plus others (whose rules are not recorded). */
  public Readers plus(Collection<String> more) {
    HashSet<String> all = new HashSet<>(emails);
    all.addAll(more);
    return new Readers(all, rules);
  }

  /**
   * These readers less the given principals (e.g. deactivated users), keeping the others' rules.
   */
  public Readers without(Collection<String> removed) {
    TreeSet<String> kept = new TreeSet<>(emails);
    removed.stream().map(Readers::normalize).forEach(kept::remove);
    return new Readers(kept, rules);
  }

  public boolean isEmpty() {
    return emails.isEmpty();
  }

  public boolean contains(String principal) {
    return emails.contains(normalize(principal));
  }
}
