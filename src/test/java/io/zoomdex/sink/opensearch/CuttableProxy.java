package io.zoomdex.sink.opensearch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 (port 0) in front of a node, that a test can cut off (every open
 * connection closed, new ones closed at once: to the client the node is gone) and restore. It also
 * keeps the first megabyte the client sent, to check request headers.
 */
final class CuttableProxy implements AutoCloseable {

  private static final int MAX_CAPTURE = 1 << 20;

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private volatile boolean cutOff;

  CuttableProxy(URI node) throws IOException {
    this.target = new InetSocketAddress(node.getHost(), node.getPort());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "cuttable-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Closes every connection and refuses new ones until {@link #restore()}. */
  void cutOff() {
    cutOff = true;
    closeAll();
  }

  void restore() {
    cutOff = false;
  }

  /** What clients sent so far (first megabyte), as text. */
  String sentText() {
    synchronized (sent) {
      return sent.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cutOff) {
          client.close();
          continue;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        pump(client, upstream, true);
        pump(upstream, client, false);
      } catch (IOException e) {
        // Closed while accepting: the proxy is shutting down.
      }
    }
  }

  private void pump(Socket from, Socket to, boolean capture) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                  if (capture) {
                    synchronized (sent) {
                      if (sent.size() < MAX_CAPTURE) {
                        sent.write(buffer, 0, Math.min(read, MAX_CAPTURE - sent.size()));
                      }
                    }
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // One side closed: close the other too.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "cuttable-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void closeAll() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    closeAll();
    acceptor.join(5_000);
  }
}
