package io.zoomdex.admin;

import io.zoomdex.search.http.TokenServlet;
import java.time.Clock;
import java.util.List;

/**
 * The admin page's own JSON routes, as servlets the search server mounts behind its token check
 * (admin tokens only; other tokens get 403, no token 401):
 *
 * <ul>
 *   <li>{@code GET /api/admin/overview}: documents indexed, full crawl due, the webhook receiver's
 *       health and the crawl settings in force ({@link AdminOverview})
 *   <li>{@code GET /api/admin/check}: runs the Zoom connection check: each required scope, the
 *       endpoint probed for it, what happened and the fix
 * </ul>
 */
public final class AdminRoutes {

  public static final String OVERVIEW = "/api/admin/overview";
  public static final String CHECK = "/api/admin/check";

  private final AdminOverview overview;
  private final ConnectionCheckJson check;

  public AdminRoutes(AdminOverview overview, ConnectionCheckSource check, Clock clock) {
    this.overview = overview;
    this.check = new ConnectionCheckJson(check, clock);
  }

  /** The servlets to mount, each at its path; new instances on every call. */
  public List<TokenServlet> servlets() {
    return List.of(
        new TokenServlet(OVERVIEW, new AdminJsonServlet(overview::read)),
        new TokenServlet(CHECK, new AdminJsonServlet(check::run)));
  }
}
