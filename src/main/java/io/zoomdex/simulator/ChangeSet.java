package io.zoomdex.simulator;

import java.util.List;

/**
 * What {@link Mutations#changeFraction} changed, by kind (ids as Zoom shows them).
 *
 * @param updatedMeetings ids of meetings whose details changed
 * @param createdMeetings ids of new scheduled meetings
 * @param deletedMeetings ids of deleted meetings
 * @param newInstances UUIDs of ended instances added to existing meetings
 * @param newSummaries UUIDs of existing instances whose summary appeared
 * @param updatedWebinars ids of webinars whose topic changed
 * @param deactivatedUsers ids of users now inactive
 * @param deletedUsers ids of deleted users
 * @param createdUsers ids of new users
 * @param events the change log entries written, in order
 */
public record ChangeSet(
    List<Long> updatedMeetings,
    List<Long> createdMeetings,
    List<Long> deletedMeetings,
    List<String> newInstances,
    List<String> newSummaries,
    List<Long> updatedWebinars,
    List<String> deactivatedUsers,
    List<String> deletedUsers,
    List<String> createdUsers,
    List<ChangeEvent> events) {
  public ChangeSet {
    updatedMeetings = List.copyOf(updatedMeetings);
    createdMeetings = List.copyOf(createdMeetings);
    deletedMeetings = List.copyOf(deletedMeetings);
    newInstances = List.copyOf(newInstances);
    newSummaries = List.copyOf(newSummaries);
    updatedWebinars = List.copyOf(updatedWebinars);
    deactivatedUsers = List.copyOf(deactivatedUsers);
    deletedUsers = List.copyOf(deletedUsers);
    createdUsers = List.copyOf(createdUsers);
    events = List.copyOf(events);
  }

  /** How many entities changed in all. */
  public int size() {
    return events.size();
  }
}
