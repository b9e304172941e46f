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
 * @param withheld people the rules named who are not readers now (deactivated users), with their
 *     rules: the ledger keeps them so that a reactivation gives their access back without asking
 *     Zoom again. Never searched; never a reader.
 */
public record Readers(
    Set<String> emails, Map<String, List<String>> rules, Map<String, List<String>> withheld) {

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
    TreeMap<String, List<String>> away = new TreeMap<>();
    if (withheld != null) {
      withheld.forEach(
          (email, named) -> {
            String principal = normalize(email);
            if (!principal.isEmpty()
                && !normalized.contains(principal)
                && named != null
                && !named.isEmpty()) {
              away.merge(principal, List.copyOf(named), Readers::union);
            }
          });
    }
    withheld = Collections.unmodifiableSortedMap(away);
  }

  /** Readers with their rules, withholding nobody. */
  public Readers(Set<String> emails, Map<String, List<String>> rules) {
    this(emails, rules, Map.of());
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
    return new Readers(all, rules, withheld);
  }

  /**
   * These readers less the given principals (e.g. deactivated users), keeping the others' rules; a
   * removed reader's rules move to {@link #withheld()}.
   */
  public Readers without(Collection<String> removed) {
    TreeSet<String> kept = new TreeSet<>(emails);
    Map<String, List<String>> away = new TreeMap<>(withheld);
    removed.stream()
        .map(Readers::normalize)
        .filter(kept::remove)
        .forEach(principal -> away.merge(principal, rulesOf(principal), Readers::union));
    return new Readers(kept, rules, away);
  }

  /** These readers with a withheld person made a reader again (a reactivated user). */
  public Readers restoring(String principal) {
    String email = normalize(principal);
    List<String> named = withheld.get(email);
    if (named == null) {
      return this;
    }
    TreeSet<String> all = new TreeSet<>(emails);
    all.add(email);
    Map<String, List<String>> allRules = new TreeMap<>(rules);
    allRules.put(email, named);
    Map<String, List<String>> away = new TreeMap<>(withheld);
    away.remove(email);
    return new Readers(all, allRules, away);
  }

  /** These readers with one person's email replaced by another (an email change). */
  public Readers renaming(String from, String to) {
    String old = normalize(from);
    String now = normalize(to);
    TreeSet<String> all = new TreeSet<>(emails);
    if (all.remove(old)) {
      all.add(now);
    }
    return new Readers(all, renamed(rules, old, now), renamed(withheld, old, now));
  }

  private static Map<String, List<String>> renamed(
      Map<String, List<String>> byEmail, String old, String now) {
    Map<String, List<String>> copy = new TreeMap<>(byEmail);
    List<String> named = copy.remove(old);
    if (named != null) {
      copy.merge(now, named, Readers::union);
    }
    return copy;
  }

  /** Everyone the rules named: readers and withheld people. */
  public Set<String> named() {
    TreeSet<String> all = new TreeSet<>(emails);
    all.addAll(withheld.keySet());
    return all;
  }

  public boolean isEmpty() {
    return emails.isEmpty();
  }

  public boolean contains(String principal) {
    return emails.contains(normalize(principal));
  }
}
