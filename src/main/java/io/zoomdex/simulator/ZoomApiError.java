package io.zoomdex.simulator;

/** A Zoom error answer: HTTP status plus Zoom's {@code code} and {@code message}. */
final class ZoomApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int code;

  ZoomApiError(int httpStatus, int code, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  int httpStatus() {
    return httpStatus;
  }

  int code() {
    return code;
  }

  static ZoomApiError meetingNotFound(String id) {
    return new ZoomApiError(404, 3001, "Meeting does not exist: " + id + ".");
  }

  static ZoomApiError webinarNotFound(String id) {
    return new ZoomApiError(404, 3001, "Webinar does not exist: " + id + ".");
  }

  static ZoomApiError userNotFound(String id) {
    return new ZoomApiError(404, 1001, "User does not exist: " + id + ".");
  }

  static ZoomApiError invalidPageToken() {
    return new ZoomApiError(400, 300, "The next page token is invalid or expired.");
  }

  static ZoomApiError badRequest(String message) {
    return new ZoomApiError(400, 300, message);
  }

  ApiResponse toResponse() {
    return ApiResponse.json(httpStatus, ZoomErrors.body(code, getMessage()));
  }
}
