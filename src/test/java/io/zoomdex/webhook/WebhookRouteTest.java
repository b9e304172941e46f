package io.zoomdex.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.config.Secret;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.http.SearchServer;
import io.zoomdex.search.http.SearchServerSettings;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sink.lucene.SearchFixtures;
import io.zoomdex.sync.StateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /webhooks/zoom} over HTTP: raw bytes reach the receiver, sizes are capped. */
class WebhookRouteTest {
  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(URI uri, byte[] body, long timestamp, String signature)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri.resolve("/webhooks/zoom"))
            .header("Content-Type", "application/json")
            .header("x-zm-request-timestamp", Long.toString(timestamp))
            .header("x-zm-signature", signature)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private SearchServerSettings settings(SearchService search, ApiTokenStore tokens) {
    return SearchServerSettings.of(search, tokens);
  }

  @Test
  void signedEvent_isAcknowledged_unsignedIs401_tooLargeIs413_andNoTokenIsNeeded()
      throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    Clock clock = Clock.systemUTC();
    try (SearchService search = LuceneSearchService.openReadOnly(data.resolve("index"));
        ApiTokenStore tokens = ApiTokenStore.open(data, clock);
        StateStore state = StateStore.open(data)) {
      WebhookReceiver receiver =
          new WebhookReceiver(
              new WebhookSignature(
                  Secret.of(WebhookReceiverTest.SECRET), clock, Duration.ofMinutes(5)),
              state,
              clock,
              () -> {});
      try (SearchServer server =
          SearchServer.start(settings(search, tokens).withWebhooks(receiver))) {
        long now = clock.instant().getEpochSecond();
        // Non-ASCII and spacing: the signature covers the bytes as sent.
        byte[] body =
            "{\"event\":\"meeting.updated\", \"event_ts\":1,\"payload\":{\"object\":{\"id\":5,\"topic\":\"Caf\u00e9\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = WebhookReceiverTest.sign(WebhookReceiverTest.SECRET, now, body);
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');

        HttpResponse<String> accepted = post(server.uri(), body, now, signature);
        HttpResponse<String> forged = post(server.uri(), body, now, "v0=00");
        HttpResponse<String> tooLarge =
            post(
                server.uri(),
                big,
                now,
                WebhookReceiverTest.sign(WebhookReceiverTest.SECRET, now, big));

        assertThat(accepted.statusCode()).isEqualTo(204);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(state.pendingWebhookEvents(10))
            .singleElement()
            .satisfies(
                e -> assertThat(e.body()).isEqualTo(new String(body, StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void withoutAWebhookSecret_theRouteDoesNotExist() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    try (SearchService search = LuceneSearchService.openReadOnly(data.resolve("index"));
        ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC());
        SearchServer server = SearchServer.start(settings(search, tokens))) {
      byte[] body = "{\"event\":\"meeting.updated\"}".getBytes(StandardCharsets.UTF_8);

      HttpResponse<String> response = post(server.uri(), body, 0, "v0=00");

      assertThat(response.statusCode()).isIn(404, 405);
    }
  }
}
