package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** {@code GET /users} and {@code GET /users/{userId}}. */
final class UserEndpoints {
  static final int MAX_PAGE_SIZE = 2000;

  private final SimulatedAccount account;
  private final PageTokens pageTokens;
  private final AtomicReference<int[]> statusCounts = new AtomicReference<>();

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
    long total = counts()[status.ordinal()];
    ObjectNode body = Json.object();
    ArrayNode users = Json.array();
    int index = start;
    while (index < account.userCount() && users.size() < pageSize) {
      SimUser user = account.user(index++);
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

  /** Users per status, counted once (a scan of the derived users). */
  private int[] counts() {
    int[] counts = statusCounts.get();
    if (counts == null) {
      counts = new int[SimUserStatus.values().length];
      for (int i = 0; i < account.userCount(); i++) {
        counts[account.user(i).status().ordinal()]++;
      }
      statusCounts.set(counts);
    }
    return counts;
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
