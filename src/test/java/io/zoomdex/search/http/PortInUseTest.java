package io.zoomdex.search.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PortInUseTest {
  @TempDir Path data;

  @Test
  void start_onAPortInUse_refusesInOneSentence_withoutTheWebFrameworksErrorLog() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    try (ServerFixture fixture = new ServerFixture(data);
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  SearchServer.start(
                      fixture.settings().withAddress(SearchServerSettings.LOOPBACK, port)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Could not listen on 127.0.0.1:"
                  + port
                  + ": the port is in use (or not allowed); choose another --port (0 picks a"
                  + " free one) or stop what is using it.");
    } finally {
      root.detachAppender(events);
    }
    assertThat(events.list)
        .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .noneMatch(event -> event.getFormattedMessage().contains("Failed to start"));
  }
}
