package io.zoomdex.cli;

import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimParticipant;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimulatedAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the people the demo searches as: the colleague who may read the most, one who may read
 * little, an outside guest, and a deactivated user (who sees nothing).
 */
final class DemoPeople {
  private final SimulatedAccount account;
  private final SearchService search;

  DemoPeople(SimulatedAccount account, SearchService search) {
    this.account = account;
    this.search = search;
  }

  /** A person the demo searches as, and why they were picked. */
  record Person(String email, String role) {}

  /** Up to four people, the one who may read the most first. */
  List<Person> pick() throws SearchException {
    String most = null;
    String fewest = null;
    long mostCount = -1;
    long fewestCount = Long.MAX_VALUE;
    Set<String> internal = new HashSet<>();
    String deactivated = null;
    for (SimUser user : account.users()) {
      String email = user.email().toLowerCase(Locale.ROOT);
      internal.add(email);
      if (user.status() == SimUserStatus.INACTIVE) {
        deactivated = deactivated == null ? email : deactivated;
        continue;
      }
      long count = search.search(SearchRequest.of(email, "").withPage(1, 0)).total();
      if (count > mostCount) {
        most = email;
        mostCount = count;
      }
      if (count > 0 && count < fewestCount) {
        fewest = email;
        fewestCount = count;
      }
    }
    List<Person> people = new ArrayList<>();
    people.add(new Person(most, "the colleague in the most meetings"));
    if (fewest != null && !fewest.equals(most)) {
      people.add(new Person(fewest, "a colleague in few meetings"));
    }
    String guest = outsideGuest(internal);
    if (guest != null) {
      people.add(new Person(guest, "an outside participant"));
    }
    if (deactivated != null) {
      people.add(new Person(deactivated, "a deactivated user"));
    }
    return people;
  }

  private String outsideGuest(Set<String> internal) {
    for (SimUser user : account.users()) {
      for (SimMeeting meeting : account.meetingsOf(user)) {
        for (SimInstance instance : account.instancesOf(meeting)) {
          for (SimParticipant participant : account.participants(instance)) {
            String email =
                participant.email() == null ? "" : participant.email().toLowerCase(Locale.ROOT);
            if (!email.isEmpty() && !internal.contains(email)) {
              return email;
            }
          }
        }
      }
    }
    return null;
  }
}
