package io.zoomdex.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything the process writes while it is open: every log event at DEBUG level and above (with
 * its exception text), and every byte sent to {@code System.out} and {@code System.err} (still
 * passed on). Closing restores the log level and the standard streams.
 */
final class CapturedOutput implements AutoCloseable {
  private final Logger root;
  private final Level previousLevel;
  private final PrintStream previousOut = System.out;
  private final PrintStream previousErr = System.err;
  private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
  private final StringBuilder logs = new StringBuilder();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          synchronized (logs) {
            logs.append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(" - ")
                .append(event.getFormattedMessage())
                .append(event.getMDCPropertyMap())
                .append('\n');
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
              logs.append(ThrowableProxyUtil.asString(thrown)).append('\n');
            }
          }
        }
      };

  private CapturedOutput() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previousLevel = root.getLevel();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    System.setOut(new PrintStream(new Tee(previousOut, streams), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(previousErr, streams), true, StandardCharsets.UTF_8));
  }

  /** Starts capturing, with the root logger at DEBUG. */
  static CapturedOutput start() {
    return new CapturedOutput();
  }

  /** The log events and standard streams so far. */
  String text() {
    synchronized (logs) {
      synchronized (streams) {
        return logs + "\n" + streams.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /** How many log events at DEBUG or above were seen (proves the level took effect). */
  long debugLines() {
    synchronized (logs) {
      return logs.toString().lines().filter(line -> line.startsWith("DEBUG ")).count();
    }
  }

  @Override
  public void close() {
    System.setOut(previousOut);
    System.setErr(previousErr);
    root.setLevel(previousLevel);
    root.detachAppender(appender);
    appender.stop();
  }

  private static final class Tee extends OutputStream {
    private final OutputStream passOn;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream passOn, ByteArrayOutputStream copy) {
      this.passOn = passOn;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      synchronized (copy) {
        copy.write(b);
      }
      passOn.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      synchronized (copy) {
        copy.write(b, off, len);
      }
      passOn.write(b, off, len);
    }
  }
}
