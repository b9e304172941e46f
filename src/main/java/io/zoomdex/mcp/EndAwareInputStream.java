package io.zoomdex.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/** An input stream that opens a latch when it ends (or breaks): the assistant hung up. */
final class EndAwareInputStream extends FilterInputStream {

  private final CountDownLatch ended;

  EndAwareInputStream(InputStream in, CountDownLatch ended) {
    super(in);
    this.ended = ended;
  }

  @Override
  public int read() throws IOException {
    return watch(() -> super.read());
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return watch(() -> super.read(buffer, offset, length));
  }

  private int watch(Read read) throws IOException {
    try {
      int result = read.run();
      if (result < 0) {
        ended.countDown();
      }
      return result;
    } catch (IOException e) {
      ended.countDown();
      throw e;
    }
  }

  @FunctionalInterface
  private interface Read {
    int run() throws IOException;
  }
}
