package io.zoomdex.simulator;

/**
 * A webinar panelist.
 *
 * @param id panelist id
 * @param name display name
 * @param email email address (internal or external)
 */
public record SimPanelist(String id, String name, String email) {}
