package io.zoomdex.source;

import io.zoomdex.document.Readers;
import io.zoomdex.zoom.model.ZoomUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is who in the account: every user of any status, by id and email. It decides who is internal,
 * who is deactivated, and turns user ids (as in alternative hosts) into emails.
 */
public final class UserDirectory {
  private final Map<String, String> emailById = new HashMap<>();
  private final Set<String> internal = new HashSet<>();
  private final Set<String> deactivated = new HashSet<>();
  private final List<ZoomUser> hosts = new ArrayList<>();

  /** Builds the directory from every user listing (active, inactive and pending). */
  public UserDirectory(Collection<ZoomUser> users) {
    for (ZoomUser user : users) {
      String email = Readers.normalize(user.email());
      if (email.isEmpty()) {
        continue;
      }
      internal.add(email);
      if (user.id() != null && !user.id().isBlank()) {
        emailById.put(user.id().strip(), email);
        hosts.add(user);
      }
      if (user.isDeactivated()) {
        deactivated.add(email);
      }
    }
  }

  /** The email of the user with this id, if the account has one. */
  public Optional<String> emailOf(String userId) {
    return userId == null ? Optional.empty() : Optional.ofNullable(emailById.get(userId.strip()));
  }

  /**
   * Resolves a principal given as an email or a user id (alternative hosts may be either). An
   * unknown id resolves to nothing: it cannot be a reader.
   */
  public Optional<String> resolve(String emailOrUserId) {
    String entry = emailOrUserId == null ? "" : emailOrUserId.strip();
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    if (entry.contains("@")) {
      return Optional.of(Readers.normalize(entry));
    }
    return emailOf(entry);
  }

  /** Whether the email belongs to a user of the account (any status). */
  public boolean isInternal(String email) {
    return internal.contains(Readers.normalize(email));
  }

  /** The emails of deactivated users, who lose every reader right. */
  public Set<String> deactivated() {
    return Set.copyOf(deactivated);
  }

  /** Users who can host (they have an id: active or deactivated, not pending), in listing order. */
  public List<ZoomUser> hosts() {
    return List.copyOf(hosts);
  }

  public int size() {
    return internal.size();
  }
}
