package io.zoomdex.bench;

import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatedAccount;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;

/**
 * How fast the simulator derives an account's content: every user's meetings, their instances,
 * participants, summaries and transcripts, in-process (no HTTP), as the 1,000,000-document
 * benchmarks ask for it. Reports instances per second of the thread's CPU time (best of three
 * passes) and the characters of content derived.
 *
 * <p>{@code java -cp ... io.zoomdex.bench.ContentGenerationBench --users 2000}
 */
public final class ContentGenerationBench {
  // CPU time of this thread, not wall time: the machine is shared, and generation is one thread.
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ContentGenerationBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int users = args.getInt("users", 2000);
    SimulatorSettings settings =
        SimulatorSettings.builder()
            .seed(11)
            .users(users)
            .start(Instant.parse("2026-04-01T00:00:00Z"))
            .build();
    try (ZoomSimulator simulator = ZoomSimulator.start(settings)) {
      SimulatedAccount account = simulator.account();
      double best = 0;
      long instances = 0;
      long chars = 0;
      for (int pass = 0; pass < 3; pass++) {
        long started = CPU.getCurrentThreadCpuTime();
        instances = 0;
        chars = 0;
        for (SimUser user : account.users()) {
          for (SimMeeting meeting : account.meetingsOf(user)) {
            chars += meeting.agenda().length();
            for (SimInstance instance : account.instancesOf(meeting)) {
              instances++;
              chars += account.participants(instance).size();
              chars += account.summary(instance).map(s -> s.content().length()).orElse(0);
              if (instance.recorded()) {
                chars += account.transcriptVtt(instance).length();
              }
            }
          }
        }
        double seconds = (CPU.getCurrentThreadCpuTime() - started) / 1e9;
        best = Math.max(best, instances / seconds);
      }
      System.out.printf(
          Locale.ROOT,
          "content generation, %d users (seed 11): %d meeting instances, %.0f instances per CPU second"
              + " (best of 3 passes), %.1f MB of agendas, summaries and transcripts%n",
          users,
          instances,
          best,
          chars / 1e6);
    }
  }
}
