package io.zoomdex.cli;

import io.zoomdex.sync.SyncReport;
import java.util.Locale;
import java.util.Map;

/** A sync report as a few lines for people, like a crawl history entry. */
final class ReportText {
  private ReportText() {}

  static String format(SyncReport report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Crawl %s (%s, run %d) in %.1f s%n",
            report.outcome(),
            report.mode(),
            report.runId(),
            report.duration().toMillis() / 1000.0));
    text.append(
        String.format(
            Locale.ROOT,
            "  documents: %d added, %d updated, %d unchanged, %d deleted%n",
            report.added(),
            report.updated(),
            report.unchanged(),
            report.deleted()));
    if (!report.pathReason().isEmpty()) {
      text.append("  path:     ")
          .append(report.path())
          .append(", because ")
          .append(report.pathReason())
          .append('\n');
    }
    text.append("  by type:  ").append(pairs(report.documentsByType())).append('\n');
    if (!report.skipped().isEmpty()) {
      text.append("  skipped:  ").append(pairs(report.skipped())).append('\n');
    }
    text.append(
        String.format(
            Locale.ROOT,
            "  Zoom API: %d calls (%s), %d answered 429, %d retries%n",
            report.apiUsage().totalCalls(),
            pairs(report.apiUsage().callsByLabel()),
            report.apiUsage().rateLimited(),
            report.apiUsage().retries()));
    if (report.failureCount() > 0) {
      text.append("  failures: ").append(report.failureCount()).append(" (nothing was deleted)\n");
      report.failures().forEach(f -> text.append("    - ").append(f).append('\n'));
    }
    return text.toString().stripTrailing();
  }

  private static String pairs(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (name, count) ->
            text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(count));
    return text.length() == 0 ? "none" : text.toString();
  }
}
