package io.zoomdex.sink.lucene;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.search.DocumentView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The one place that knows how a {@link Document} is laid out in Lucene; the sink writes with it
 * and the search service reads with it, so the two cannot drift apart.
 *
 * <p>Readers are indexed (one untokenized term per principal) but never stored: a reader set can
 * only be used as a filter, never read back and shown.
 */
final class LuceneSchema {

  static final String ID = "id";
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

  static Map<String, String> sourceIds(org.apache.lucene.document.Document stored) {
    String[] keys = stored.getValues(SOURCE_KEY);
    String[] values = stored.getValues(SOURCE_VALUE);
    Map<String, String> sourceIds = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.length, values.length); i++) {
      sourceIds.put(keys[i], values[i]);
    }
    return sourceIds;
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
