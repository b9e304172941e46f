package io.zoomdex.bench;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.CorpusAccount;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.simulator.corpus.CorpusMeeting;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sync.SyncReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relevance on the hand-written set: loads {@code bench/relevance/meetings} into a simulator
 * through its API ({@link CorpusAccount}), crawls it into embedded Lucene as `zoomdex crawl` does,
 * runs every query of {@code bench/relevance/queries.json} in every search mode as its searcher,
 * and reports nDCG@10, MRR@10 and recall@10 per mode and query class. Results are ranked per
 * meeting: a meeting takes the rank of its first document among the hits (its meeting, past
 * instance, summary and transcript documents are one result for a person looking for it). Every hit
 * is also checked against the meeting's people (host, alternative hosts, speakers): a document
 * shown to anyone else is a permission leak, and so is a probe that surfaces its meeting.
 *
 * <p>{@code java -cp ... io.zoomdex.bench.RelevanceBench --out section.md --details queries.md}
 */
public final class RelevanceBench {
  private static final int K = 10;
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

  private RelevanceBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String model = args.get("model", EmbedderSettings.DEFAULT_MODEL);
    MeetingCorpus corpus = MeetingCorpus.builtIn();
    RelevanceSet set =
        RelevanceSet.read(
            Path.of(args.get("queries", RelevanceSet.DEFAULT_FILE.toString())), corpus);
    Path data = Files.createTempDirectory("zoomdex-relevance-");
    SimulatorSettings settings =
        SimulatorSettings.builder()
            .seed(13)
            .users(1)
            .meetingsPerUser(0)
            .webinarsPerUser(0)
            .start(NOW)
            .build();
    List<String> modes = SearchModes.available();
    Map<String, List<QueryResult>> results = new LinkedHashMap<>();
    SyncReport crawl;
    int leaks = 0;
    int probeLeaks = 0;
    try (ZoomSimulator simulator = ZoomSimulator.start(settings)) {
      CorpusAccount account = CorpusAccount.load(simulator, corpus, List.of(set.defaultSearcher()));
      EmbedderSettings embedding = EmbedderSettings.named(model);
      try (LuceneIndexSink sink =
          LuceneIndexSink.open(
              data.resolve("index"), new PassageVectors(embedding.open(), 2, 64))) {
        crawl =
            SimulatorCrawls.crawl(
                simulator,
                data,
                Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC),
                LocalDate.of(2025, 10, 1),
                false,
                sink);
      }
      try (SearchService search =
          LuceneSearchService.openReadOnly(data.resolve("index"), embedding.open())) {
        for (String mode : modes) {
          List<QueryResult> rows = new ArrayList<>();
          for (RelevanceSet.Query query : set.queries()) {
            List<String> ranking =
                rank(search, account, corpus, query.searcher(), query.text(), mode);
            leaks += leaks(ranking, corpus, query.searcher());
            rows.add(new QueryResult(query, ranking));
          }
          for (RelevanceSet.Probe probe : set.probes()) {
            List<String> ranking =
                rank(search, account, corpus, probe.searcher(), probe.text(), mode);
            leaks += leaks(ranking, corpus, probe.searcher());
            probeLeaks += (int) ranking.stream().filter(probe.mustNotFind()::contains).count();
          }
          results.put(mode, rows);
        }
      }
    } finally {
      deleteTree(data);
    }
    String section =
        section(
            args.get("command", "bench/run --only relevance"),
            model,
            corpus,
            set,
            crawl,
            results,
            leaks,
            probeLeaks);
    Files.writeString(Path.of(args.get("out")), section, StandardCharsets.UTF_8);
    String details = args.get("details", "");
    if (!details.isEmpty()) {
      Files.writeString(Path.of(details), details(results), StandardCharsets.UTF_8);
    }
    System.out.print(section);
  }

  /** One query's meetings in rank order (ids of corpus meetings, others as "other:" + id). */
  private static List<String> rank(
      SearchService search,
      CorpusAccount account,
      MeetingCorpus corpus,
      String person,
      String text,
      String mode)
      throws Exception {
    SearchRequest request =
        SearchModes.apply(
            SearchRequest.of(account.email(person), text).withPage(SearchRequest.MAX_LIMIT, 0),
            mode);
    List<String> ranking = new ArrayList<>();
    for (SearchHit hit : search.search(request).hits()) {
      String meeting = meetingOf(hit.id(), account);
      if (!ranking.contains(meeting)) {
        ranking.add(meeting);
      }
    }
    return ranking;
  }

  private static String meetingOf(DocumentId id, CorpusAccount account) {
    if (id.type() == DocumentType.MEETING) {
      return account.corpusIdOfMeeting(Long.parseLong(id.key())).orElse("other:" + id);
    }
    return account.corpusIdOfInstance(id.key()).orElse("other:" + id);
  }

  /** Hits on meetings the searcher is not one of the people of. */
  private static int leaks(List<String> ranking, MeetingCorpus corpus, String person) {
    int leaks = 0;
    for (String id : ranking) {
      if (id.startsWith("other:") || !corpus.byId(id).people().contains(person)) {
        leaks++;
      }
    }
    return leaks;
  }

  private record QueryResult(RelevanceSet.Query query, List<String> ranking) {
    double ndcg() {
      return RankingMetrics.ndcg(ranking, query.judgements(), K);
    }

    double mrr() {
      return RankingMetrics.reciprocalRank(ranking, query.judgements(), K);
    }

    double recall() {
      return RankingMetrics.recall(ranking, query.judgements(), K);
    }
  }

  private static String section(
      String command,
      String model,
      MeetingCorpus corpus,
      RelevanceSet set,
      SyncReport crawl,
      Map<String, List<QueryResult>> results,
      int leaks,
      int probeLeaks) {
    StringBuilder out = new StringBuilder();
    Map<String, Long> perClass = new LinkedHashMap<>();
    for (String kind : RelevanceSet.CLASSES) {
      perClass.put(kind, set.queries().stream().filter(q -> q.kind().equals(kind)).count());
    }
    long judgements = set.queries().stream().mapToLong(q -> q.judgements().size()).sum();
    long confidential = corpus.meetings().stream().filter(CorpusMeeting::confidential).count();
    out.append(
        String.format(
            Locale.ROOT,
            "Reproduce: `%s` (`RelevanceBench`: the %d meetings of `bench/relevance/meetings`,"
                + " %d of them readable only by their host and alternative hosts, loaded into the"
                + " simulator through its API and crawled into embedded Lucene: %s; then the %d"
                + " queries of `bench/relevance/queries.json` (%d keyword, %d paraphrase, %d"
                + " question; %d graded judgements) each as its searcher, in every search mode;"
                + " embedding model %s)%n%n",
            command,
            corpus.size(),
            confidential,
            crawlText(crawl),
            set.queries().size(),
            perClass.get("keyword"),
            perClass.get("paraphrase"),
            perClass.get("question"),
            judgements,
            model));
    out.append(
        "A meeting ranks where its first document (meeting, past instance, summary or transcript)"
            + " ranks among the hits. nDCG@10 uses gain 2^grade - 1; MRR@10 and recall@10 count"
            + " grades 2 and 3 as relevant.\n\n");
    out.append("| mode | queries | n | nDCG@10 | MRR@10 | recall@10 | no result |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, List<QueryResult>> mode : results.entrySet()) {
      for (String kind : concat(RelevanceSet.CLASSES, "all")) {
        List<QueryResult> rows =
            mode.getValue().stream()
                .filter(r -> kind.equals("all") || r.query().kind().equals(kind))
                .toList();
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.3f | %.3f | %.3f | %d |%n",
                mode.getKey(),
                kind,
                rows.size(),
                rows.stream().mapToDouble(QueryResult::ndcg).average().orElse(0),
                rows.stream().mapToDouble(QueryResult::mrr).average().orElse(0),
                rows.stream().mapToDouble(QueryResult::recall).average().orElse(0),
                rows.stream().filter(r -> r.ranking().isEmpty()).count()));
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nPermissions: %d hits on a meeting the searcher is not a person of, over every query"
                + " and %d permission probes in every mode; %d probe hits on the meetings they must"
                + " not find.%n",
            leaks,
            set.probes().size(),
            probeLeaks));
    return out.toString();
  }

  private static String crawlText(SyncReport crawl) {
    if (!crawl.complete()) {
      throw new IllegalStateException("The crawl did not complete: " + crawl.failures());
    }
    return "a "
        + crawl.outcome()
        + " crawl of "
        + new java.util.TreeMap<>(crawl.documentsByType())
        + " documents";
  }

  private static String details(Map<String, List<QueryResult>> results) {
    StringBuilder out =
        new StringBuilder("| mode | id | query | nDCG@10 | top 3 |\n|---|---|---|---:|---|\n");
    results.forEach(
        (mode, rows) ->
            rows.forEach(
                r ->
                    out.append(
                        String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %.3f | %s |%n",
                            mode,
                            r.query().id(),
                            r.query().text(),
                            r.ndcg(),
                            String.join(
                                ", ", r.ranking().subList(0, Math.min(3, r.ranking().size())))))));
    return out.toString();
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> all = new ArrayList<>(list);
    all.add(last);
    return all;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
