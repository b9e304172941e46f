package io.zoomdex.sink.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.passage.EmbeddedPassage;
import io.zoomdex.passage.Passage;
import io.zoomdex.search.DocumentView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The one place that knows how a {@link Document} is laid out in Lucene; the sink writes with it
 * and the search service reads with it, so the two cannot drift apart.
 *
 * <p>Readers are indexed (one untokenized term per principal) for the filter. Their rules are
 * stored in {@link #READER_RULES}, one JSON array {@code [reader, rule, ...]} a reader, which only
 * the administrator's inspector reads ({@link #readerRules}); no search result or document view
 * ever does.
 */
final class LuceneSchema {

  static final String ID = "id";

  /** The id again, as doc values: listings sort by it ({@code search --all}). */
  static final String ID_ORDER = "id_order";

  static final String TYPE = "type";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String HOST = "host";
  static final String READERS = "readers";
  static final String START_TIME = "start_time";
  static final String MONTH = "month";
  static final String DURATION = "duration";
  static final String URL = "url";
  static final String SOURCE_KEY = "source_key";
  static final String SOURCE_VALUE = "source_value";
  static final String READER_RULES = "reader_rules";
  private static final ObjectMapper JSON = new ObjectMapper();

  // A passage is a Lucene document of its own beside its document's. Its readers go in a field of
  // their own, so no document query (whose reader filter is on READERS) can ever match a passage,
  // and the vector query's filter (on PASSAGE_READERS) can never match a document.
  static final String KIND = "kind";
  static final String KIND_PASSAGE = "passage";
  static final String PASSAGE_OF = "passage_of";

  /**
   * A passage's document id again, as doc values (a field of its own: Lucene refuses to add doc
   * values to a field that an existing index's segments hold without them).
   */
  static final String PASSAGE_DOCUMENT = "passage_document";

  static final String PASSAGE_READERS = "passage_readers";
  static final String PASSAGE_MODEL = "passage_model";
  private static final String PASSAGE_VECTOR = "passage_vector_";
  static final String PASSAGE_TEXT = "passage_text";
  static final String PASSAGE_KIND = "passage_kind";
  static final String PASSAGE_OFFSET = "passage_offset_ms";
  // Lucene 9 wants one schema per field name, so the passages' filter fields have names of their
  // own.
  static final String PASSAGE_TYPE = "passage_type";
  static final String PASSAGE_HOST = "passage_host";
  static final String PASSAGE_START = "passage_start_time";

  /** Fields a passage hit needs. */
  static final Set<String> PASSAGE_FIELDS =
      Set.of(PASSAGE_OF, PASSAGE_TEXT, PASSAGE_KIND, PASSAGE_OFFSET);

  /** Commit user data: the embedding model whose vectors the index holds (absent: none). */
  static final String COMMIT_MODEL = "embedding.model";

  static final String COMMIT_DIMENSION = "embedding.dimension";

  /** Commit user data of a re-embed in progress: its model key, and the last document done. */
  static final String COMMIT_REEMBED_MODEL = "reembed.model";

  static final String COMMIT_REEMBED_AFTER = "reembed.after";

  /**
   * Whether vectors are stored int8 scalar-quantized (Lucene99HnswScalarQuantizedVectorsFormat)
   * rather than as floats; off unless {@code -Dzoomdex.vectors.int8=true} (measured in
   * BENCHMARKS.md). Either way an index reads back with the default codec.
   */
  private static final boolean INT8_VECTORS = Boolean.getBoolean("zoomdex.vectors.int8");

  /**
   * HNSW graph degree and build beam: twice Lucene's defaults (16, 100). A reader's filter hides
   * most of the graph, and a denser graph keeps the filtered search connected. Measured at 250,000
   * documents with real embeddings, a reader of 20% (BENCHMARKS.md section 11): document recall@10
   * at k=100 0.947 with the defaults, 0.996 with these, the HNSW query alone at about the same CPU
   * (p99 24 against 20 ms). {@code -Dzoomdex.hnsw.m} and {@code -Dzoomdex.hnsw.beam} set others for
   * a benchmark.
   */
  private static final int HNSW_MAX_CONN = Integer.getInteger("zoomdex.hnsw.m", 32);

  private static final int HNSW_BEAM_WIDTH = Integer.getInteger("zoomdex.hnsw.beam", 200);

  /** Relevance weight of a title match against a body match. */
  static final float TITLE_BOOST = 2.0f;

  /** Fields a hit needs besides the highlighted ones. */
  static final Set<String> HIT_FIELDS =
      Set.of(ID, TITLE, HOST, START_TIME, DURATION, URL, SOURCE_KEY, SOURCE_VALUE);

  /** Analyzed, stored, with offsets in the postings so highlighting needs no re-analysis. */
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private static final DateTimeFormatter MONTH_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private LuceneSchema() {}

  /** The codec: Lucene's default, with the vector format chosen above for the passage vectors. */
  static Codec codec() {
    KnnVectorsFormat vectorsFormat =
        INT8_VECTORS
            ? new Lucene99HnswScalarQuantizedVectorsFormat()
            : new Lucene99HnswVectorsFormat(HNSW_MAX_CONN, HNSW_BEAM_WIDTH);
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectorsFormat;
      }
    };
  }

  /**
   * The vector field for a dimension: Lucene fixes a vector field's dimension for the index's life,
   * so a re-embed to another dimension writes a field of its own.
   */
  static String vectorField(int dimension) {
    return PASSAGE_VECTOR + dimension;
  }

  /** A model as the passages' model field and a re-embed's progress record it. */
  static String modelKey(EmbeddingModelId model) {
    return model.name() + "/" + model.dimension();
  }

  /** The model a commit's user data records, or empty when the index holds no vectors. */
  static Optional<EmbeddingModelId> recordedModel(Map<String, String> commitData) {
    String name = commitData.get(COMMIT_MODEL);
    String dimension = commitData.get(COMMIT_DIMENSION);
    if (name == null || dimension == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EmbeddingModelId(name, Integer.parseInt(dimension)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The one sentence for an index whose vectors are not of the configured model. */
  static String mismatchMessage(
      Path indexDir, Optional<EmbeddingModelId> recorded, Optional<EmbeddingModelId> configured) {
    String has = recorded.map(model -> "vectors of " + model).orElse("no vectors");
    String wants = configured.map(model -> "uses " + model).orElse("uses no embedding model");
    return "The index at "
        + indexDir
        + " holds "
        + has
        + " but this run "
        + wants
        + "; run `zoomdex reembed` with the same --data and embedding options to rebuild the"
        + " vectors, or configure the index's model again.";
  }

  /** How many documents (not passages) a searcher's index holds. */
  static long documentCount(IndexSearcher searcher) throws IOException {
    int passages = searcher.count(new TermQuery(new Term(KIND, KIND_PASSAGE)));
    return (long) searcher.getIndexReader().numDocs() - passages;
  }

  /** The analyzer for title and body, at index and at query time. */
  static Analyzer newTextAnalyzer() {
    return new EnglishAnalyzer();
  }

  static Term idTerm(DocumentId id) {
    return new Term(ID, id.toString());
  }

  /** The {@code yyyy-MM} month (UTC) a start time falls in, the month facet's value. */
  static String month(Instant startTime) {
    return MONTH_FORMAT.format(startTime);
  }

  static List<IndexableField> toLucene(Document document) {
    org.apache.lucene.document.Document out = new org.apache.lucene.document.Document();
    out.add(new StringField(ID, document.id().toString(), Field.Store.YES));
    out.add(new SortedDocValuesField(ID_ORDER, new BytesRef(document.id().toString())));
    String type = document.type().prefix();
    out.add(new StringField(TYPE, type, Field.Store.NO));
    out.add(new SortedDocValuesField(TYPE, new BytesRef(type)));
    out.add(new Field(TITLE, document.title(), TEXT_WITH_OFFSETS));
    out.add(new Field(BODY, document.body(), TEXT_WITH_OFFSETS));
    if (!document.hostEmail().isEmpty()) {
      out.add(new StringField(HOST, document.hostEmail(), Field.Store.YES));
      out.add(new SortedDocValuesField(HOST, new BytesRef(document.hostEmail())));
    }
    for (String reader : document.readers().emails()) {
      out.add(new StringField(READERS, reader, Field.Store.NO));
    }
    document.readers().rules().forEach((reader, rules) -> out.add(readerRules(reader, rules)));
    Instant start = document.startTime();
    if (start != null) {
      long millis = start.toEpochMilli();
      out.add(new LongPoint(START_TIME, millis));
      out.add(new StoredField(START_TIME, millis));
      out.add(new NumericDocValuesField(START_TIME, millis));
      out.add(new SortedDocValuesField(MONTH, new BytesRef(month(start))));
    }
    out.add(new StoredField(DURATION, document.durationMinutes()));
    out.add(new StoredField(URL, document.url()));
    // Two parallel multi-valued fields: stored values keep their order, and neither a key nor a
    // value needs escaping (instance UUIDs contain '/', '+' and '=').
    for (Map.Entry<String, String> source : document.sourceIds().entrySet()) {
      out.add(new StoredField(SOURCE_KEY, source.getKey()));
      out.add(new StoredField(SOURCE_VALUE, source.getValue()));
    }
    return out.getFields();
  }

  /** The term that selects every passage of a document (for replacing or deleting them). */
  static Term passagesOf(DocumentId id) {
    return new Term(PASSAGE_OF, id.toString());
  }

  /**
   * A passage as a Lucene document: its vector, its document's readers (in their own field), the
   * filterable fields of its document (type, host, start time) and what a hit shows.
   */
  static List<IndexableField> passageToLucene(
      Document document, EmbeddedPassage embedded, String modelName) {
    Passage passage = embedded.passage();
    org.apache.lucene.document.Document out = new org.apache.lucene.document.Document();
    out.add(new StringField(KIND, KIND_PASSAGE, Field.Store.NO));
    out.add(new StringField(PASSAGE_OF, document.id().toString(), Field.Store.YES));
    // Doc values too: a vector search names a hundred passages' documents before it shows ten.
    out.add(new SortedDocValuesField(PASSAGE_DOCUMENT, new BytesRef(document.id().toString())));
    out.add(new StringField(PASSAGE_MODEL, modelName, Field.Store.NO));
    for (String reader : document.readers().emails()) {
      out.add(new StringField(PASSAGE_READERS, reader, Field.Store.NO));
    }
    out.add(new StringField(PASSAGE_TYPE, document.type().prefix(), Field.Store.NO));
    if (!document.hostEmail().isEmpty()) {
      out.add(new StringField(PASSAGE_HOST, document.hostEmail(), Field.Store.NO));
    }
    if (document.startTime() != null) {
      out.add(new LongPoint(PASSAGE_START, document.startTime().toEpochMilli()));
    }
    out.add(
        new KnnFloatVectorField(
            vectorField(embedded.vector().length),
            embedded.vector(),
            VectorSimilarityFunction.DOT_PRODUCT));
    out.add(new StoredField(PASSAGE_TEXT, passage.text()));
    out.add(new StoredField(PASSAGE_KIND, passage.kind().label()));
    if (passage.offset() != null) {
      out.add(new StoredField(PASSAGE_OFFSET, passage.offset().toMillis()));
    }
    return out.getFields();
  }

  /** The offset of a stored passage into its recording, or null. */
  static Duration passageOffset(org.apache.lucene.document.Document stored) {
    IndexableField field = stored.getField(PASSAGE_OFFSET);
    return field == null ? null : Duration.ofMillis(field.numericValue().longValue());
  }

  static Map<String, String> sourceIds(org.apache.lucene.document.Document stored) {
    String[] keys = stored.getValues(SOURCE_KEY);
    String[] values = stored.getValues(SOURCE_VALUE);
    Map<String, String> sourceIds = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.length, values.length); i++) {
      sourceIds.put(keys[i], values[i]);
    }
    return sourceIds;
  }

  private static StoredField readerRules(String reader, List<String> rules) {
    List<String> entry = new ArrayList<>();
    entry.add(reader);
    entry.addAll(rules);
    try {
      return new StoredField(READER_RULES, JSON.writeValueAsString(entry));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A list of strings always serialises", e);
    }
  }

  /** The stored rules of each reader; empty for a document indexed before rules were stored. */
  static Map<String, List<String>> readerRules(org.apache.lucene.document.Document stored) {
    Map<String, List<String>> rules = new LinkedHashMap<>();
    for (String value : stored.getValues(READER_RULES)) {
      try {
        List<String> entry = JSON.readValue(value, new TypeReference<List<String>>() {});
        if (entry.size() > 1) {
          rules.put(entry.get(0), List.copyOf(entry.subList(1, entry.size())));
        }
      } catch (JsonProcessingException e) {
        // Written by readerRules above; an unreadable entry only loses its explanation.
      }
    }
    return rules;
  }

  static DocumentView toView(org.apache.lucene.document.Document stored) {
    Map<String, String> sourceIds = sourceIds(stored);
    return new DocumentView(
        DocumentId.parse(stored.get(ID)),
        stored.get(TITLE),
        stored.get(BODY),
        stored.get(HOST),
        startTime(stored),
        duration(stored),
        stored.get(URL),
        sourceIds);
  }

  static Instant startTime(org.apache.lucene.document.Document stored) {
    IndexableField field = stored.getField(START_TIME);
    return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
  }

  static int duration(org.apache.lucene.document.Document stored) {
    IndexableField field = stored.getField(DURATION);
    return field == null ? 0 : field.numericValue().intValue();
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
