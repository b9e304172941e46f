package io.zoomdex.search.http;

/**
 * What answers {@code POST /webhooks/zoom}. The route needs no bearer token (Zoom cannot send one);
 * the endpoint authenticates each request by its signature instead.
 */
public interface WebhookEndpoint {

  /** The largest body accepted; a larger one is refused with 413 before it is read. */
  int MAX_BODY_BYTES = 256 * 1024;

  /**
   * Handles one delivery; called on a server thread, so it must answer well within Zoom's 3 seconds
   * (record the event, process it later).
   *
   * @param timestamp the {@code x-zm-request-timestamp} header, or null when absent
   * @param signature the {@code x-zm-signature} header, or null when absent
   * @param body the raw request body, exactly as received
   * @return the status and JSON body to answer (an empty body for 204)
   */
  Reply receive(String timestamp, String signature, byte[] body);

  /** An HTTP answer: status and a JSON body (empty for none). */
  record Reply(int status, String json) {
    public Reply {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("Not an HTTP status: " + status);
      }
      json = json == null ? "" : json;
    }
  }
}
