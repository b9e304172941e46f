package io.zoomdex.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.zoom.FakeZoom.Reply;
import io.zoomdex.zoom.model.UserStatus;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsNotLoggedTest {
  @Test
  void debugLogsAndExceptionMessages_neverContainTheSecretOrTokens() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("io.zoomdex");
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    List<String> messages = new ArrayList<>();
    try (FakeZoom zoom = new FakeZoom()) {
      FakeTime time = new FakeTime(Instant.parse("2026-03-02T10:00:00Z"));
      ZoomSettings settings =
          ZoomSettings.defaults(FakeZoom.ACCOUNT, FakeZoom.CLIENT_ID, Secret.of(FakeZoom.SECRET))
              .withEndpoints(zoom.apiUrl(), URI.create(zoom.baseUrl()))
              .withRateLimits(RateLimits.none());
      ZoomClient client = new ZoomClient(settings, ZoomClient.newHttpClient(settings), time, time);
      zoom.route("/v2/users", "{\"users\":[{\"id\":\"u1\"}],\"next_page_token\":\"\"}");
      client.listUsers(UserStatus.ACTIVE);
      zoom.revokeAllTokens();
      client.listUsers(UserStatus.ACTIVE);
      for (int i = 0; i < 6; i++) {
        zoom.faults.add(Reply.json(500, "{}"));
      }
      messages.add(catchThrowable(() -> client.listUsers(UserStatus.ACTIVE)).getMessage());
      zoom.faults.add(
          Reply.json(400, "{\"code\":4711,\"message\":\"does not contain scopes:[x]\"}"));
      messages.add(catchThrowable(() -> client.listUsers(UserStatus.ACTIVE)).getMessage());
      zoom.tokenReply = Reply.json(401, "{\"error\":\"invalid_client\"}");
      zoom.revokeAllTokens();
      messages.add(catchThrowable(() -> client.listUsers(UserStatus.ACTIVE)).getMessage());
      messages.add(settings.toString());
      assertThat(zoom.tokenRequests.get()).isGreaterThanOrEqualTo(3);
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
    appender.list.forEach(e -> messages.add(e.getFormattedMessage()));
    assertThat(appender.list).isNotEmpty();
    assertThat(messages)
        .allSatisfy(
            m ->
                assertThat(m)
                    .doesNotContain(FakeZoom.SECRET)
                    .doesNotContain("eyJhbGciOiJIUzUxMiJ9")
                    .doesNotContainIgnoringCase("Basic "));
  }
}
