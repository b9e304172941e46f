package io.zoomdex.admin;

import io.zoomdex.zoom.check.CheckReport;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the admin page checks the Zoom connection: a check to run, or why none can run (e.g. serve
 * was started without Zoom credentials).
 *
 * @param check runs the connection check once; null when {@code unavailable} says why not
 * @param unavailable one sentence naming the problem and the fix; empty when {@code check} is given
 */
public record ConnectionCheckSource(Supplier<CheckReport> check, String unavailable) {

  public ConnectionCheckSource {
    unavailable = unavailable == null ? "" : unavailable;
    if ((check == null) == unavailable.isEmpty()) {
      throw new IllegalArgumentException("Give either a check or the reason there is none.");
    }
  }

  /** A check the page may run. */
  public static ConnectionCheckSource of(Supplier<CheckReport> check) {
    return new ConnectionCheckSource(Objects.requireNonNull(check, "check"), "");
  }

  /** No check: {@code reason} is shown instead. */
  public static ConnectionCheckSource unavailable(String reason) {
    return new ConnectionCheckSource(null, reason);
  }
}
