package io.zoomdex.bench;

/**
 * Runs a benchmark's measurement and exits the JVM: a benchmark that starts {@code serve} in its
 * own JVM leaves the MCP SDK's session sweeper behind (a non-daemon thread the SDK never stops),
 * which would keep the JVM, and {@code bench/run} waiting on it, from ever ending.
 */
final class ExitAfter {

  /** A measurement that may throw. */
  interface Measurement {
    void run() throws Exception;
  }

  private ExitAfter() {}

  /** Runs {@code measurement}, then exits with 0, or with 1 after printing what it threw. */
  static void run(Measurement measurement) {
    int code = 0;
    try {
      measurement.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }
}
