package io.zoomdex.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** Whose CPU time a latency table counts per search. */
enum CpuClock {
  /** The thread that calls the search: all of an embedded Lucene search's own work. */
  SEARCHING_THREAD(
      "the searching thread's CPU time (ThreadMXBean; the model's ONNX threads are not counted)"),
  /**
   * The whole JVM: a search served by an OpenSearch node in the same JVM runs on the node's
   * threads, which the searching thread's time would miss.
   */
  PROCESS(
      "the CPU time of all the JVM's threads during the search, summed per thread (ThreadMXBean;"
          + " the OpenSearch node runs in this JVM, so its search threads count, and so do the"
          + " model's ONNX threads and any merge or collection at the time)");

  private final String description;

  CpuClock(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  long nanos() {
    if (this == SEARCHING_THREAD) {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
    // Per thread, not the process's own clock, which Linux keeps in 10 ms ticks.
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long cpu : threads.getThreadCpuTime(threads.getAllThreadIds())) {
      sum += Math.max(0, cpu);
    }
    return sum;
  }
}
