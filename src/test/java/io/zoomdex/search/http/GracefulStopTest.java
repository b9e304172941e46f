package io.zoomdex.search.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server refuses new connections at once but lets a request in flight finish. */
class GracefulStopTest {
  @TempDir Path data;

  @Test
  void close_refusesNewConnections_butFinishesTheRequestInFlight() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookEndpoint slow =
        (timestamp, signature, body) -> {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new WebhookEndpoint.Reply(204, "");
        };
    try (ServerFixture fixture = new ServerFixture(data)) {
      SearchServer server =
          SearchServer.start(
              SearchServerSettings.of(fixture.search, fixture.tokens)
                  .withAddress("127.0.0.1", 0)
                  .withWebhooks(slow));
      int port = server.port();
      HttpClient client = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<String>> inFlight =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/zoom"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      awaitRefused(port);
      assertThat(stopping).isNotDone();
      release.countDown();

      assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
      stopping.get(30, TimeUnit.SECONDS);
    }
  }

  /** Waits (bounded) until the port refuses connections. */
  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        Thread.sleep(20);
      } catch (ConnectException refused) {
        return;
      } catch (IOException other) {
        return;
      }
    }
    throw new AssertionError("The port still accepted connections 20 s after close began");
  }
}
