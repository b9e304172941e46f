package io.zoomdex.search.http;

import java.util.Objects;

/**
 * Who is calling, as authenticated for one request.
 *
 * @param email the person searched as: normalized (trimmed, lower-cased), never blank
 * @param admin whether they may read the crawl history and metrics (admin tokens only)
 * @param via how they were identified: {@code token}, {@code proxy} (the trusted identity header)
 *     or {@code demo} (the demo person picker)
 */
public record Caller(String email, boolean admin, String via) {

  public static final String VIA_TOKEN = "token";
  public static final String VIA_PROXY = "proxy";
  public static final String VIA_DEMO = "demo";

  public Caller {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(via, "via");
    if (email.isBlank()) {
      throw new IllegalArgumentException("A caller needs an email.");
    }
  }
}
