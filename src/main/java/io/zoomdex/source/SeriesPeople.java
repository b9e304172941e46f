package io.zoomdex.source;

import io.zoomdex.document.Readers;
import java.util.List;

/**
 * The people a meeting or webinar series names, resolved to emails: the raw material of every
 * reader rule for the series and its instances.
 *
 * @param host the host's email, or empty when unknown
 * @param alternativeHosts alternative hosts that resolved to an email
 * @param invitees meeting invitees (empty for webinars)
 * @param panelists webinar panelists (empty for meetings)
 * @param whoWillReceiveSummary the meeting's summary setting, or null when absent or unlisted
 */
public record SeriesPeople(
    String host,
    List<String> alternativeHosts,
    List<String> invitees,
    List<String> panelists,
    Integer whoWillReceiveSummary) {

  public SeriesPeople {
    host = Readers.normalize(host);
    alternativeHosts = normalized(alternativeHosts);
    invitees = normalized(invitees);
    panelists = normalized(panelists);
  }

  /** The people of an instance whose series is not listed: its host only. */
  public static SeriesPeople hostOnly(String host) {
    return new SeriesPeople(host, List.of(), List.of(), List.of(), null);
  }

  private static List<String> normalized(List<String> emails) {
    return emails == null
        ? List.of()
        : emails.stream().map(Readers::normalize).filter(e -> !e.isEmpty()).toList();
  }
}
