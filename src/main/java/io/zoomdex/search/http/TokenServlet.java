package io.zoomdex.search.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A servlet that {@link SearchServer} mounts at {@code path}, behind the API-token check: every
 * request (not only the first of a session) must carry {@code Authorization: Bearer TOKEN} of a
 * current, unrevoked token, else it is answered 401 and never reaches the servlet. Nothing else
 * identifies a caller here: neither the demo picker nor a proxy's identity header. The servlet
 * reads who is calling with {@link #caller(HttpServletRequest)}.
 *
 * @param path the exact path to mount at, one or more lower-case segments, e.g. {@code /mcp} or
 *     {@code /api/admin/overview}
 * @param servlet the servlet; the server starts and destroys it with itself, async supported
 */
public record TokenServlet(String path, HttpServlet servlet) {

  static final String CALLER_ATTRIBUTE = TokenServlet.class.getName() + ".caller";

  public TokenServlet {
    Objects.requireNonNull(servlet, "servlet");
    if (path == null || !path.matches("(/[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException(
          "A servlet path is lower-case segments like /mcp or /api/admin/overview.");
    }
  }

  /**
   * Who sent this request, as the token check decided; empty only for a request that did not pass
   * through the check (which a mounted servlet never sees).
   */
  public static Optional<Caller> caller(HttpServletRequest request) {
    return request.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
