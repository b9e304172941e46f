package io.zoomdex.zoom.check;

import java.util.Objects;

/**
 * One line of the check: the scope, the endpoint probed for it, what happened and the fix.
 *
 * @param fix what the administrator should do, or "" when nothing
 */
public record ProbeRow(String scope, String endpoint, ProbeStatus status, String fix) {
  public ProbeRow {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(status, "status");
    fix = fix == null ? "" : fix;
  }
}
