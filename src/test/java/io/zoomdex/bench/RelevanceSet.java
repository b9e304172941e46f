package io.zoomdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.simulator.corpus.CorpusMeeting;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of {@code bench/relevance/queries.json}, with their judgements of the corpus meetings
 * ({@code bench/relevance/meetings}), checked against the corpus when read.
 *
 * @param defaultSearcher the person queries run as unless they name one
 * @param queries the judged queries
 * @param probes searches that must not surface the named meetings
 */
record RelevanceSet(String defaultSearcher, List<Query> queries, List<Probe> probes) {
  static final Path DEFAULT_FILE = Path.of("bench", "relevance", "queries.json");
  static final List<String> CLASSES = List.of("keyword", "paraphrase", "question");

  RelevanceSet {
    queries = List.copyOf(queries);
    probes = List.copyOf(probes);
  }

  /**
   * One judged query.
   *
   * @param id stable id
   * @param kind keyword, paraphrase or question
   * @param text what the searcher types
   * @param searcher the person it runs as
   * @param judgements grade (0 to 3) per corpus meeting id
   */
  record Query(
      String id, String kind, String text, String searcher, Map<String, Integer> judgements) {
    Query {
      judgements = Map.copyOf(judgements);
    }
  }

  /**
   * A search that must not find the named meetings (the searcher may not read them).
   *
   * @param text what the searcher types
   * @param searcher the person it runs as
   * @param mustNotFind corpus meeting ids
   */
  record Probe(String text, String searcher, List<String> mustNotFind) {
    Probe {
      mustNotFind = List.copyOf(mustNotFind);
    }
  }

  /**
   * Reads the set and checks it: known classes, known meetings, at least one relevant meeting per
   * query, and every judged meeting readable by the query's searcher (its host or an alternative
   * host, who read all of its documents).
   */
  static RelevanceSet read(Path file, MeetingCorpus corpus) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    String defaultSearcher = root.path("defaultSearcher").asText();
    List<Query> queries = new ArrayList<>();
    for (JsonNode node : root.path("queries")) {
      Map<String, Integer> judgements = new LinkedHashMap<>();
      node.path("judgements")
          .fields()
          .forEachRemaining(e -> judgements.put(e.getKey(), e.getValue().asInt()));
      Query query =
          new Query(
              node.path("id").asText(),
              node.path("class").asText(),
              node.path("text").asText(),
              node.path("searcher").asText(defaultSearcher),
              judgements);
      check(query, corpus);
      queries.add(query);
    }
    List<Probe> probes = new ArrayList<>();
    for (JsonNode node : root.path("permissionProbes")) {
      List<String> ids = new ArrayList<>();
      node.path("mustNotFind").forEach(id -> ids.add(corpus.byId(id.asText()).id()));
      probes.add(new Probe(node.path("text").asText(), node.path("searcher").asText(), ids));
    }
    return new RelevanceSet(defaultSearcher, queries, probes);
  }

  private static void check(Query query, MeetingCorpus corpus) {
    if (!CLASSES.contains(query.kind())) {
      throw new IllegalArgumentException(query.id() + ": unknown class " + query.kind() + ".");
    }
    if (query.judgements().values().stream().noneMatch(g -> g >= RankingMetrics.RELEVANT)) {
      throw new IllegalArgumentException(query.id() + ": no meeting is judged relevant.");
    }
    query
        .judgements()
        .forEach(
            (id, grade) -> {
              CorpusMeeting meeting = corpus.byId(id);
              if (grade < 0 || grade > 3) {
                throw new IllegalArgumentException(query.id() + ": grade " + grade + " for " + id);
              }
              if (!meeting.host().equals(query.searcher())
                  && !meeting.alternativeHosts().contains(query.searcher())) {
                throw new IllegalArgumentException(
                    query.id() + ": " + query.searcher() + " may not read the judged " + id + ".");
              }
            });
  }
}
