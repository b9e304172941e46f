package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** {@code GET /users} and {@code GET /users/{userId}}. */
final class UserEndpoints {
  static final int MAX_PAGE_SIZE = 2000;

  private final SimulatedAccount account;
  private final PageTokens pageTokens;
  private final AtomicReference<Counts> statusCounts = new AtomicReference<>();

  /** Users per status, valid for one version of the account's overlay. */
  private record Counts(long version, Map<SimUserStatus, Long> byStatus) {}

  UserEndpoints(SimulatedAccount account, PageTokens pageTokens) {
    this.account = account;
    this.pageTokens = pageTokens;
  }

  void register(Map<Endpoint, Handler> handlers) {
    handlers.put(Endpoint.USERS, this::listUsers);
    handlers.put(Endpoint.USER, this::getUser);
  }

  private ApiResponse listUsers(ApiRequest request) {
    SimUserStatus status = parseStatus(request.query("status").orElse("active"));
    int pageSize = request.pageSize(MAX_PAGE_SIZE);
    String listing = "users|" + status;
    long position = pageTokens.position(listing, request.query("next_page_token"));
    int start = (int) (position & 0xFFFF_FFFFL);
    long returnedBefore = position >>> 32;
    long total = counts().getOrDefault(status, 0L);
    ObjectNode body = Json.object();
    ArrayNode users = Json.array();
    int index = start;
    while (index < account.indexLimit() && users.size() < pageSize) {
      int current = index++;
      if (!account.userExists(current)) {
        continue;
      }
      SimUser user = account.user(current);
      if (user.status() == status) {
        users.add(UserJson.listItem(user));
      }
    }
    long returned = returnedBefore + users.size();
    String next = returned < total ? pageTokens.issue(listing, (returned << 32) | index) : "";
    Pages.envelope(body, pageSize, total, next);
    body.put("page_number", returnedBefore / pageSize + 1);
    body.set("users", users);
    return Pages.ok(body);
  }

  private static SimUserStatus parseStatus(String status) {
    return switch (status) {
      case "active" -> SimUserStatus.ACTIVE;
      case "inactive" -> SimUserStatus.INACTIVE;
      case "pending" -> SimUserStatus.PENDING;
      default -> throw ZoomApiError.badRequest("Invalid field.");
    };
  }

  /** Users per status, counted once per change of the account (a scan of the derived users). */
  private Map<SimUserStatus, Long> counts() {
    long version = account.overlay().version();
    Counts counts = statusCounts.get();
    if (counts == null || counts.version() != version) {
      Map<SimUserStatus, Long> counted = new EnumMap<>(SimUserStatus.class);
      for (SimUser user : account.users()) {
        counted.merge(user.status(), 1L, Long::sum);
      }
      counts = new Counts(version, Map.copyOf(counted));
      statusCounts.set(counts);
    }
    return counts.byStatus();
  }

  private ApiResponse getUser(ApiRequest request) {
    String userId = request.path("userId");
    SimUser user =
        account.userByIdOrEmail(userId).orElseThrow(() -> ZoomApiError.userNotFound(userId));
    return Pages.ok(UserJson.detail(user, account.accountId()));
  }

  /** The user named by a path parameter, or Zoom's 404/1001. */
  static SimUser requireUser(SimulatedAccount account, String userId) {
    return account.userByIdOrEmail(userId).orElseThrow(() -> ZoomApiError.userNotFound(userId));
  }
}
