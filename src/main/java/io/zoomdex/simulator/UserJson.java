package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders users as {@code GET /users} and {@code GET /users/{userId}} do. */
final class UserJson {
  private UserJson() {}

  static ObjectNode listItem(SimUser user) {
    ObjectNode node = Json.object();
    if (user.id() != null) {
      node.put("id", user.id()); // Zoom sends no id for pending users
    }
    node.put("first_name", user.firstName());
    node.put("last_name", user.lastName());
    node.put("display_name", user.displayName());
    node.put("email", user.email());
    node.put("type", user.type());
    if (user.status() != SimUserStatus.PENDING) {
      node.put("pmi", user.pmi());
      node.put("verified", 1);
      node.put("dept", user.dept());
      node.put("last_login_time", Json.time(user.createdAt().plusSeconds(86_400L * 30)));
      node.put("last_client_version", "6.3.1.44120(mac)");
      node.put("language", "en-US");
    }
    node.put("timezone", user.timezone());
    node.put("user_created_at", Json.time(user.createdAt()));
    node.put("created_at", Json.time(user.createdAt()));
    node.put("status", user.status().zoomValue());
    node.put("role_id", user.index() == 0 ? "0" : "2");
    node.putArray("group_ids");
    node.putArray("im_group_ids");
    return node;
  }

  static ObjectNode detail(SimUser user, String accountId) {
    ObjectNode node = listItem(user);
    node.remove("im_group_ids");
    node.put("role_name", user.index() == 0 ? "Owner" : "Member");
    node.put("use_pmi", false);
    node.put("personal_meeting_url", "https://zoom.us/j/" + user.pmi());
    node.put("account_id", accountId);
    node.put("account_number", 1_000_000_000L + Math.floorMod(accountId.hashCode(), 999_999_999));
    node.put("cluster", "us05");
    node.put("job_title", user.dept() + " specialist");
    node.put("location", "");
    node.put("phone_number", "");
    node.put("pic_url", "https://zoom.us/p/v2/" + user.index() + "/avatar.jpg");
    node.put("jid", user.email().replace('@', '.') + "@xmpp.zoom.us");
    return node;
  }
}
