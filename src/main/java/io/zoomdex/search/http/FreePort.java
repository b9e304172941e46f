package io.zoomdex.search.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a port can be listened on, asked before the web server starts: the server's own failure
 * would first log its framework's raw error, before zoomdex's one sentence.
 */
final class FreePort {
  private FreePort() {}

  /**
   * Whether {@code port} on {@code address} can be bound now (port 0 always can).
   *
   * @param address a literal address or host name
   */
  static boolean isFree(String address, int port) {
    if (port == 0) {
      return true;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
      return true;
    } catch (IOException | SecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
