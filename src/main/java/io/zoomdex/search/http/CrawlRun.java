package io.zoomdex.search.http;

import java.time.Instant;
import java.util.Objects;

/**
 * One crawl of the history, as the admin endpoint and the metrics read it.
 *
 * @param id the run's number; later runs have larger ones
 * @param mode how it crawled, e.g. {@code full}
 * @param started when it started
 * @param finished when it finished, or null while it runs
 * @param outcome {@code complete}, {@code partial} or {@code failed}; null while it runs
 * @param reportJson its report as JSON, or null while it runs
 */
public record CrawlRun(
    long id, String mode, Instant started, Instant finished, String outcome, String reportJson) {

  public CrawlRun {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(started, "started");
  }
}
