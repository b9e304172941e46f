package io.zoomdex.search;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a search.
 *
 * @param id the document id
 * @param title the title as indexed, plain text
 * @param titleSnippet the whole title with matched terms highlighted
 * @param snippets passages of the body around the matches (the first lines when the query was blank
 *     or only the title matched); at most a few, possibly empty when the body is empty
 * @param url a link into Zoom, possibly empty
 * @param startTime when it started or is scheduled, or null when unknown
 * @param hostEmail the host's lower-cased email, or empty when unknown
 * @param durationMinutes duration in minutes, 0 when unknown
 * @param score relevance score; 0 when the query was blank (results then go newest first)
 * @param series the meeting or webinar series it belongs to ({@link SeriesGrouping#seriesKey}), or
 *     empty when none
 */
public record SearchHit(
    DocumentId id,
    String title,
    Snippet titleSnippet,
    List<Snippet> snippets,
    String url,
    Instant startTime,
    String hostEmail,
    int durationMinutes,
    float score,
    String series) {

  public SearchHit {
    series = series == null ? "" : series;
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    titleSnippet = titleSnippet == null ? Snippet.plain(title) : titleSnippet;
    snippets = List.copyOf(snippets);
    url = url == null ? "" : url;
    hostEmail = hostEmail == null ? "" : hostEmail;
  }

  /** A hit that belongs to no series. */
  public SearchHit(
      DocumentId id,
      String title,
      Snippet titleSnippet,
      List<Snippet> snippets,
      String url,
      Instant startTime,
      String hostEmail,
      int durationMinutes,
      float score) {
    this(id, title, titleSnippet, snippets, url, startTime, hostEmail, durationMinutes, score, "");
  }

  public DocumentType type() {
    return id.type();
  }

  /** The start time, or empty when unknown. */
  public Optional<Instant> start() {
    return Optional.ofNullable(startTime);
  }

  /** The best body snippet, or the title snippet when the body gave none. */
  public Snippet bestSnippet() {
    return snippets.isEmpty() ? titleSnippet : snippets.get(0);
  }
}
