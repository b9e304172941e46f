package io.zoomdex.inspect;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import io.zoomdex.identity.IdentityResolver;
import io.zoomdex.identity.Outcome;
import io.zoomdex.identity.Resolution;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Explains a document: its readers with the rules the crawler recorded for each (the same code that
 * computed the readers, read back from the index, never re-derived here), its indexing status, and
 * whether a given person can read it through identity mapping and deactivation.
 */
public final class DocumentExplainer {
  private final SearchService index;
  private final IdentityResolver identities;
  private final Supplier<Set<String>> deactivated;
  private final ItemHistory history;

  /**
   * @param index the index, read without any reader filter (administrators only)
   * @param identities identity mapping, as searches use it
   * @param deactivated the deactivated users, as searches see them
   * @param history the sync state's record of each item
   */
  public DocumentExplainer(
      SearchService index,
      IdentityResolver identities,
      Supplier<Set<String>> deactivated,
      ItemHistory history) {
    this.index = index;
    this.identities = identities;
    this.deactivated = deactivated;
    this.history = history;
  }

  /**
   * Explains one document.
   *
   * @param as the person to decide for (any value a searcher may present), or null for nobody
   * @return empty when the index holds no document with that id
   * @throws SearchException when the index cannot be read
   */
  public Optional<Explanation> explain(DocumentId id, String as) throws SearchException {
    Optional<Document> found = index.inspect(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Document document = found.get();
    List<ReaderReason> readers = new ArrayList<>();
    for (String email : document.readers().emails()) {
      readers.add(new ReaderReason(email, document.readers().rulesOf(email)));
    }
    AccessDecision decision = as == null ? null : decide(document, as);
    return Optional.of(new Explanation(document, readers, history.statusOf(document), decision));
  }

  /** What identity mapping makes of a value (ServiceNow's Test button). */
  public Resolution whois(String value) {
    return identities.resolve(value);
  }

  private AccessDecision decide(Document document, String value) {
    Resolution resolution = identities.resolve(value);
    if (resolution.outcome() == Outcome.AMBIGUOUS) {
      return new AccessDecision(
          value,
          resolution,
          false,
          "'" + resolution.value() + "' is ambiguous, so it sees nothing: " + resolution.rule());
    }
    if (resolution.outcome() == Outcome.NO_MATCH) {
      return new AccessDecision(
          value,
          resolution,
          false,
          "'"
              + resolution.value()
              + "' maps to no Zoom identity, so it sees nothing: "
              + resolution.rule());
    }
    String identity = resolution.identity();
    String who = mappedName(resolution);
    if (deactivated.get().contains(Readers.normalize(identity))) {
      return new AccessDecision(
          value,
          resolution,
          false,
          who + " is a deactivated Zoom user, and deactivated users see nothing.");
    }
    Readers readers = document.readers();
    if (readers.contains(identity)) {
      List<String> rules = readers.rulesOf(identity);
      String because =
          rules.isEmpty()
              ? " (the rule was not recorded: the document was indexed before zoomdex recorded"
                  + " reader rules; the next full crawl records it)"
              : " as " + String.join(", ", rules);
      return new AccessDecision(value, resolution, true, who + " is a reader" + because + ".");
    }
    return new AccessDecision(
        value,
        resolution,
        false,
        who
            + " is not a reader: "
            + whoReads(document)
            + ", and "
            + identity
            + " is none of them"
            + (readers.isEmpty() ? " (this document has no readers, so nobody sees it)" : "")
            + ".");
  }

  private static String mappedName(Resolution resolution) {
    String identity = resolution.identity();
    if (Readers.normalize(resolution.value()).equals(identity)) {
      return identity;
    }
    String rule = resolution.rule();
    rule = Character.toLowerCase(rule.charAt(0)) + rule.substring(1, rule.length() - 1);
    return identity + " ('" + resolution.value() + "' maps to it by " + rule + ")";
  }

  /** Who permissions.md lets read this type of document, in a phrase. */
  private static String whoReads(Document document) {
    return switch (document.type()) {
      case MEETING -> "a meeting's readers are its host, alternative hosts and invitees";
      case WEBINAR -> "a webinar's readers are its host, alternative hosts and panelists";
      case PAST_MEETING ->
          "a past meeting's readers are its meeting's readers and the participants of this"
              + " instance";
      case PAST_WEBINAR ->
          "a past webinar's readers are its webinar's readers and the attendees of this instance";
      case SUMMARY -> "a summary's readers are the people its meeting's summary setting names";
      case TRANSCRIPT -> "a transcript's readers are the host and alternative hosts";
    };
  }
}
