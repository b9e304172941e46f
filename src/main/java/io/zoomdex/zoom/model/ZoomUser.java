package io.zoomdex.zoom.model;

/**
 * A user of the account ({@code GET /users}). Pending users have no {@code id}.
 *
 * @param status {@code active}, {@code inactive} (deactivated) or {@code pending}
 */
public record ZoomUser(
    String id,
    String email,
    String firstName,
    String lastName,
    String displayName,
    int type,
    String status) {

  public boolean isDeactivated() {
    return "inactive".equalsIgnoreCase(status);
  }
}
