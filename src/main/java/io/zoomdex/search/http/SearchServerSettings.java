package io.zoomdex.search.http;

import io.zoomdex.document.Readers;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link SearchServer} needs. Start with {@link #of(SearchService, ApiTokenStore)} and
 * adjust with the {@code with...} methods. The server uses but does not close the search service
 * and the token store.
 *
 * @param search the index to search; every request goes through its reader filter
 * @param tokens the API tokens callers present as {@code Authorization: Bearer ...}
 * @param runs the crawl history for {@code /api/runs} and the crawl metrics
 * @param bindAddress the address to listen on; {@code 127.0.0.1} unless told otherwise
 * @param port the port, 0 for any free one ({@link SearchServer#port()} tells which)
 * @param trustedHeader an SSO proxy's identity header to believe, or null (the default) for none
 * @param demoPeople the people a caller may pick to search as; empty (the default) turns demo mode
 *     off, and only the simulator-backed demo may turn it on
 * @param webhooks what answers {@code POST /webhooks/zoom}, or null (the default) for no such route
 * @param servlets servlets mounted behind the API-token check (e.g. the MCP endpoint); none by
 *     default
 * @param inspector what answers the admin routes {@code /api/admin/explain} and {@code
 *     /api/admin/whois}, or null (the default) for none (they answer 404)
 * @param userNameClaims whether the trusted header may hold a bare user name (identity mapping
 *     completes it) rather than an email; off by default
 * @param readiness what {@code GET /readyz} reports beyond the index check; nothing by default
 */
public record SearchServerSettings(
    SearchService search,
    ApiTokenStore tokens,
    RunHistory runs,
    String bindAddress,
    int port,
    TrustedIdentityHeader trustedHeader,
    List<String> demoPeople,
    WebhookEndpoint webhooks,
    List<TokenServlet> servlets,
    AdminInspector inspector,
    boolean userNameClaims,
    Readiness readiness) {

  public static final String LOOPBACK = "127.0.0.1";

  public SearchServerSettings {
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (bindAddress.isBlank()) {
      throw new IllegalArgumentException("The bind address is blank; use 127.0.0.1 or an IP.");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("The port must be 0 to 65535, not " + port + ".");
    }
    Set<String> people = new LinkedHashSet<>();
    for (String person : demoPeople) {
      String principal = Readers.normalize(person);
      if (!principal.isEmpty()) {
        people.add(principal);
      }
    }
    demoPeople = List.copyOf(people);
    servlets = List.copyOf(servlets);
  }

  /** Loopback, any free port, no trusted header, no demo mode, no crawl history. */
  public static SearchServerSettings of(SearchService search, ApiTokenStore tokens) {
    return new SearchServerSettings(
        search,
        tokens,
        RunHistory.NONE,
        LOOPBACK,
        0,
        null,
        List.of(),
        null,
        List.of(),
        null,
        false,
        Readiness.NONE);
  }

  /** Whether callers may pick whom to search as. */
  public boolean demoMode() {
    return !demoPeople.isEmpty();
  }

  public SearchServerSettings withRuns(RunHistory newRuns) {
    return new SearchServerSettings(
        search,
        tokens,
        newRuns,
        bindAddress,
        port,
        trustedHeader,
        demoPeople,
        webhooks,
        servlets,
        inspector,
        userNameClaims,
        readiness);
  }

  public SearchServerSettings withAddress(String newBindAddress, int newPort) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        newBindAddress,
        newPort,
        trustedHeader,
        demoPeople,
        webhooks,
        servlets,
        inspector,
        userNameClaims,
        readiness);
  }

  /** Believes {@code header} on requests from the proxy; null turns it off. */
  public SearchServerSettings withTrustedHeader(TrustedIdentityHeader header) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        header,
        demoPeople,
        webhooks,
        servlets,
        inspector,
        userNameClaims,
        readiness);
  }

  /** Demo mode with these people in the picker; empty turns it off. For the demo command only. */
  public SearchServerSettings withDemoPeople(List<String> people) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        trustedHeader,
        people,
        webhooks,
        servlets,
        inspector,
        userNameClaims,
        readiness);
  }

  /** Serves {@code POST /webhooks/zoom} with this endpoint; null removes the route. */
  public SearchServerSettings withWebhooks(WebhookEndpoint endpoint) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        trustedHeader,
        demoPeople,
        endpoint,
        servlets,
        inspector,
        userNameClaims,
        readiness);
  }

  /** Also mounts {@code servlet} at its path, behind the API-token check. */
  public SearchServerSettings withServlet(TokenServlet servlet) {
    List<TokenServlet> more = new ArrayList<>(servlets);
    more.add(servlet);
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        trustedHeader,
        demoPeople,
        webhooks,
        more,
        inspector,
        userNameClaims,
        readiness);
  }

  /** Answers the admin inspector routes with {@code newInspector}; null removes them. */
  public SearchServerSettings withInspector(AdminInspector newInspector) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        trustedHeader,
        demoPeople,
        webhooks,
        servlets,
        newInspector,
        userNameClaims,
        readiness);
  }

  /** Lets the trusted header hold a bare user name (for identity mapping to complete). */
  public SearchServerSettings withUserNameClaims(boolean allowed) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        trustedHeader,
        demoPeople,
        webhooks,
        servlets,
        inspector,
        allowed,
        readiness);
  }

  /** Reports {@code newReadiness}'s details in {@code /readyz}. */
  public SearchServerSettings withReadiness(Readiness newReadiness) {
    return new SearchServerSettings(
        search,
        tokens,
        runs,
        bindAddress,
        port,
        trustedHeader,
        demoPeople,
        webhooks,
        servlets,
        inspector,
        userNameClaims,
        newReadiness);
  }
}
