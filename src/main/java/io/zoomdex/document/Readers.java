package io.zoomdex.document;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a document: lower-cased, trimmed email addresses. An empty set means nobody (fail
 * closed), never everybody.
 */
public record Readers(Set<String> emails) {

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
  }

  /** Readers from raw emails; blanks and nulls add nobody. */
  public static Readers of(Collection<String> emails) {
    return new Readers(new HashSet<>(emails));
  }

  /** The canonical principal form of an email or searcher name: trimmed and lower-cased. */
  public static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** These readers plus others. */
  public Readers plus(Collection<String> more) {
    HashSet<String> all = new HashSet<>(emails);
    all.addAll(more);
    return new Readers(all);
  }

  /** These readers less the given principals (e.g. deactivated users). */
  public Readers without(Collection<String> removed) {
    TreeSet<String> kept = new TreeSet<>(emails);
    removed.stream().map(Readers::normalize).forEach(kept::remove);
    return new Readers(kept);
  }

  public boolean isEmpty() {
    return emails.isEmpty();
  }

  public boolean contains(String principal) {
    return emails.contains(normalize(principal));
  }
}
