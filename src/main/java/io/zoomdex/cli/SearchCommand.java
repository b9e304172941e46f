package io.zoomdex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.config.ConfigException;
import io.zoomdex.document.DocumentType;
import io.zoomdex.identity.IdentityConfigException;
import io.zoomdex.identity.Outcome;
import io.zoomdex.identity.Resolution;
import io.zoomdex.search.BadQueryException;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.ReadableListing;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.SeriesGrouping;
import io.zoomdex.search.Snippet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zoomdex search}: what one person may read that matches a query, from the local index. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the index as one person: only documents they may read are found.",
      "With no QUERY words, lists every document they may read, newest first.",
      "Words must all match; \"quoted phrases\", OR, -word and prefix* work. Quote a query"
          + " with -word, or put it after --, so that -word is not read as an option:"
          + " zoomdex search --as EMAIL -- budget -review",
      "Dates are YYYY-MM-DD (UTC).",
      "--all lists every document the person may read, however many, as JSON lines in id order"
          + " (for exports and audits); --type, --host, --from and --to narrow it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (also when nothing matched)",
      "1:internal error",
      "2:bad command line (unknown --type, a --from/--to that is not a date like 2026-01-31,"
          + " --limit out of range, query too long, --all with query words, --limit or --offset)",
      "3:no index in --data (or OpenSearch) yet, or bad --index/--opensearch-* options",
      "8:the index could not be read",
      "10:the --as person may read nothing in the index (an unknown or misspelled email, or a"
          + " value identity mapping resolves to nobody or finds ambiguous)"
    })
public final class SearchCommand implements Callable<Integer> {

  private static final DateTimeFormatter HUMAN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int HUMAN_SNIPPET_CHARS = 160;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin IndexOptions index = new IndexOptions();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "zoomdex-data",
      description =
          "The data directory given to `zoomdex crawl`; the embedded index is in DIR/index"
              + " (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--as",
      required = true,
      paramLabel = "EMAIL",
      description = "Search as this person (their Zoom email, any case).")
  String searcher;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The properties file given to crawl and serve: its identity.* keys map --as to a Zoom"
              + " identity (see the README's Identity mapping; without them, --as is the Zoom"
              + " email, any case) and its embedding.* keys choose the model (flags and the"
              + " environment win).")
  Path configFile;

  @Option(names = "--json", description = "Print one JSON object per result, nothing else.")
  boolean json;

  @Option(
      names = "--all",
      description =
          "List every document the person may read as JSON lines, in id order, page by page"
              + " (no query words, no --limit or --offset).")
  boolean all;

  @Option(
      names = "--page-size",
      hidden = true,
      paramLabel = "N",
      defaultValue = "" + ReadableListing.PAGE_SIZE,
      description = "Documents read from the index per page with --all (tests page small).")
  int pageSize;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_LIMIT,
      description =
          "At most N results (1 to " + SearchRequest.MAX_LIMIT + "; default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      defaultValue = "0",
      description = "Skip the first N results (default ${DEFAULT-VALUE}).")
  int offset;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "Only this type: meeting, webinar, past_meeting, past_webinar, summary, transcript.")
  String type;

  @Option(names = "--host", paramLabel = "EMAIL", description = "Only documents this person hosts.")
  String host;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = DayConverter.class,
      description = "Only documents starting on or after DATE (YYYY-MM-DD, UTC).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = DayConverter.class,
      description = "Only documents starting on or before DATE (YYYY-MM-DD, UTC).")
  LocalDate to;

  @Option(
      names = "--no-group",
      description =
          "List every matching document; by default a meeting or webinar series shows once, as"
              + " its best match with \"N more from this series\".")
  boolean noGroup;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "hybrid",
      description =
          "keyword (words, BM25), semantic (meaning, by the passages' vectors) or hybrid (both,"
              + " fused by rank; the default).")
  String mode;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to search for.")
  List<String> words = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (searcher.isBlank()) {
      err.println("--as needs the email address of the person to search as.");
      return ExitCodes.USAGE;
    }
    SearchRequest request;
    try {
      request = request();
      refuseWhatAllIgnores();
    } catch (IllegalArgumentException e) {
      // BadQueryException and DocumentType's unknown-name error both carry a plain sentence.
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    index.embedding.configFile(configFile);
    try (IndexOptions ownedIndex = index;
        SearchService indexed = index.openSearch(data)) {
      // --as is resolved as every other front end resolves a caller: through identity mapping.
      IdentitySetup identities =
          IdentitySetup.of(
              configFile, indexed, data, index.deactivatedUsers(data, System.getenv()));
      SearchService search = identities.mappedSearch();
      if (all) {
        long listed =
            ReadableListing.forEach(
                search,
                request,
                pageSize,
                hit -> {
                  out.println(json(hitFields(hit)));
                  out.flush();
                });
        if (listed == 0 && mayReadNothing(search)) {
          return unknownPerson(err, identities);
        }
        return ExitCodes.OK;
      }
      SeriesGrouping.Grouped grouped =
          noGroup
              ? new SeriesGrouping.Grouped(search.search(request), Map.of())
              : SeriesGrouping.search(search, request);
      SearchResults results = grouped.results();
      if (results.total() == 0 && mayReadNothing(search)) {
        return unknownPerson(err, identities);
      }
      if (json) {
        printJson(out, grouped);
      } else {
        printHuman(out, grouped, request.offset());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (IndexMissingException e) {
      err.println(IndexOptions.missingIndexMessage(e, data));
      return ExitCodes.CONFIG;
    } catch (ConfigException | IdentityConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (SearchException | IOException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    }
  }

  /**
   * Why the searcher sees nothing: identity mapping found them ambiguous, or no document lists
   * them.
   */
  private int unknownPerson(PrintWriter err, IdentitySetup identities) {
    Resolution resolution = identities.resolver().resolve(searcher);
    if (resolution.outcome() == Outcome.AMBIGUOUS) {
      err.println(
          searcher.strip()
              + " sees nothing: identity mapping says "
              + resolution.outcome().title()
              + ". "
              + resolution.rule()
              + " (`zoomdex whois` shows the same.)");
      return ExitCodes.UNKNOWN_PERSON;
    }
    err.println(
        "No document in "
            + index.describe(data)
            + " lists "
            + searcher.strip()
            + " as a reader: check the email's spelling (it is the person's Zoom email), or"
            + " crawl again if they joined Zoom recently.");
    return ExitCodes.UNKNOWN_PERSON;
  }

  /** --all lists everything by id: query words and paging would silently mean nothing. */
  private void refuseWhatAllIgnores() {
    if (!all) {
      return;
    }
    if (pageSize < 1) {
      throw new BadQueryException("--page-size must be at least 1, not " + pageSize + ".");
    }
    if (!words.isEmpty()) {
      throw new BadQueryException(
          "--all lists every document the person may read (narrowed by --type, --host, --from"
              + " and --to); leave out the query words, or search them without --all.");
    }
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--limit") || parsed.hasMatchedOption("--offset")) {
      throw new BadQueryException(
          "--all lists everything the person may read; leave out --limit and --offset.");
    }
  }

  /** Whether the searcher may read nothing at all: not known to the index (or deactivated). */
  private boolean mayReadNothing(SearchService search) throws SearchException {
    return search.search(SearchRequest.of(searcher, "").withPage(1, 0)).total() == 0;
  }

  private SearchRequest request() {
    DocumentType onlyType = type == null ? null : DocumentType.fromPrefix(type.strip());
    Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    // --to names a day, inclusive: stop at the start of the next one.
    Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (start != null && end != null && !start.isBefore(end)) {
      throw new BadQueryException("--to (" + to + ") is before --from (" + from + "); swap them.");
    }
    return new SearchRequest(
        searcher,
        String.join(" ", words),
        onlyType,
        host,
        start,
        end,
        limit,
        offset,
        SearchMode.parse(mode));
  }

  private static void printHuman(PrintWriter out, SeriesGrouping.Grouped grouped, int offset) {
    SearchResults results = grouped.results();
    List<SearchHit> hits = results.hits();
    for (int i = 0; i < hits.size(); i++) {
      SearchHit hit = hits.get(i);
      out.printf("%d. %s%n", offset + i + 1, hit.title().isBlank() ? hit.id() : hit.title());
      StringBuilder facts = new StringBuilder("   ").append(hit.type().prefix());
      hit.start().ifPresent(start -> facts.append(" · ").append(HUMAN_TIME.format(start)));
      if (!hit.hostEmail().isEmpty()) {
        facts.append(" · host ").append(hit.hostEmail());
      }
      out.println(facts);
      if (!hit.url().isEmpty()) {
        out.println("   " + hit.url());
      }
      String snippet =
          hit.snippets().isEmpty() ? "" : oneLine(hit.snippets().get(0).marked("*", "*"));
      if (!snippet.isEmpty()) {
        String at = hit.snippets().get(0).offsetText();
        out.println(
            "   " + (at.isEmpty() || snippet.startsWith("[") ? "" : "at " + at + ": ") + snippet);
      }
      int more = grouped.moreOf(hit).size();
      if (more > 0) {
        out.printf("   + %d more from this series%n", more);
      }
    }
    String who = results.principal().isEmpty() ? "nobody" : results.principal();
    out.printf("%d of %s results for %s%n", hits.size(), results.totalText(), who);
  }

  private static void printJson(PrintWriter out, SeriesGrouping.Grouped grouped) {
    for (SearchHit hit : grouped.results().hits()) {
      Snippet snippet = hit.bestSnippet();
      Map<String, Object> line = hitFields(hit);
      line.put("snippet", snippet.text());
      line.put("snippet_html", snippet.html());
      // Seconds into the recording where the snippet is said (transcripts), else null.
      line.put("snippet_offset_seconds", snippet.at().map(at -> at.toSeconds()).orElse(null));
      line.put("score", hit.score());
      line.put("more_from_series", grouped.moreOf(hit).size());
      out.println(json(line));
    }
  }

  /** What a JSON line says of every hit: the document, never how it matched. */
  private static Map<String, Object> hitFields(SearchHit hit) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", hit.id().toString());
    line.put("type", hit.type().prefix());
    line.put("title", hit.title());
    line.put("url", hit.url());
    line.put("start_time", hit.start().map(Instant::toString).orElse(null));
    line.put("host_email", hit.hostEmail());
    line.put("duration_minutes", hit.durationMinutes());
    line.put("series", hit.series());
    return line;
  }

  private static String json(Map<String, Object> line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings and numbers always serialize", e);
    }
  }

  /**
   * The snippet on one line of at most {@link #HUMAN_SNIPPET_CHARS}, cut around its first marked
   * match (a {@code *} pair), so a match late in a long line still shows.
   */
  static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    if (line.length() <= HUMAN_SNIPPET_CHARS) {
      return line;
    }
    int mark = Math.max(0, line.indexOf('*'));
    int start =
        Math.max(0, Math.min(mark - HUMAN_SNIPPET_CHARS / 3, line.length() - HUMAN_SNIPPET_CHARS));
    int end = Math.min(line.length(), start + HUMAN_SNIPPET_CHARS);
    return (start > 0 ? "…" : "")
        + line.substring(start, end).strip()
        + (end < line.length() ? "…" : "");
  }
}
