package io.zoomdex.admin;

import io.zoomdex.zoom.check.CheckReport;
import io.zoomdex.zoom.check.ProbeRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the connection check for {@code /api/admin/check} and turns its report into JSON. */
final class ConnectionCheckJson {

  private final ConnectionCheckSource source;
  private final Clock clock;

  ConnectionCheckJson(ConnectionCheckSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** One check at a time: each probes Zoom about twenty times, within its rate limits. */
  synchronized Map<String, Object> run() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("checked", clock.instant().toString());
    if (source.check() == null) {
      body.put("available", false);
      body.put("message", source.unavailable());
      body.put("rows", List.of());
      return body;
    }
    CheckReport report = source.check().get();
    body.put("available", true);
    body.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
    body.put("message", report.message());
    body.put("missing_scopes", report.missingScopes());
    List<Object> rows = new ArrayList<>();
    for (ProbeRow row : report.rows()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("scope", row.scope());
      entry.put("endpoint", row.endpoint());
      entry.put("status", row.status().name().toLowerCase(Locale.ROOT));
      entry.put("label", row.status().label());
      entry.put("fix", row.fix());
      rows.add(entry);
    }
    body.put("rows", rows);
    return body;
  }
}
