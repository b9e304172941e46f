package io.zoomdex.source;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What one crawl covers.
 *
 * @param since the first day of the recording windows
 * @param today the last day of the recording windows
 * @param usersAlreadyDone users a resumed crawl skips: an interrupted run already indexed them
 */
public record CrawlPlan(LocalDate since, LocalDate today, Set<String> usersAlreadyDone) {

  public CrawlPlan {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(today, "today");
    usersAlreadyDone = Set.copyOf(usersAlreadyDone);
    if (since.isAfter(today)) {
      throw new IllegalArgumentException(
          "The first day to crawl (" + since + ") is after today (" + today + ").");
    }
  }

  /** A crawl of everything, from scratch. */
  public static CrawlPlan full(LocalDate since, LocalDate today) {
    return new CrawlPlan(since, today, Set.of());
  }
}
