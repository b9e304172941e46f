package io.zoomdex.sink;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random documents with known readers, for the backend contract (every person, no leak, no
 * miss) and the side-by-side benchmark. Person 0 ({@link #BROAD_READER}) reads about half of all
 * documents; everyone else reads a handful; about one document in twenty has no reader at all.
 */
public final class GeneratedCorpus {

  /** Reads about half the documents. */
  public static final String BROAD_READER = "person0@example.com";

  private static final String[] WORDS = {
    "budget",
    "roadmap",
    "launch",
    "hiring",
    "security",
    "customer",
    "pricing",
    "design",
    "review",
    "quarter",
    "planning",
    "incident",
    "migration",
    "retro",
    "onboarding",
    "forecast",
    "partner",
    "release",
    "metrics",
    "support",
    "contract",
    "renewal",
    "training",
    "offsite",
    "strategy",
    "latency",
    "database",
    "mobile",
    "billing",
    "compliance",
    "audit",
    "marketing",
    "webinar",
    "feedback",
    "backlog",
    "sprint",
    "demo",
    "vendor",
    "legal",
    "analytics"
  };
  private static final String[] NAMES = {"Alice Smith", "Bob Jones", "Dana Lee", "Eve Park"};
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private final List<String> people;
  private final List<Document> documents;

  private GeneratedCorpus(List<String> people, List<Document> documents) {
    this.people = people;
    this.documents = documents;
  }

  /** {@code documentCount} documents readable among {@code peopleCount} people. */
  public static GeneratedCorpus generate(long seed, int documentCount, int peopleCount) {
    Random random = new Random(seed);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < peopleCount; i++) {
      people.add("person" + i + "@example.com");
    }
    DocumentType[] types = DocumentType.values();
    List<Document> documents = new ArrayList<>(documentCount);
    for (int i = 0; i < documentCount; i++) {
      DocumentType type = types[random.nextInt(types.length)];
      String key = i % 7 == 0 ? "/uuid" + i + "//x==" : Integer.toString(100_000 + i);
      String host = people.get(random.nextInt(peopleCount));
      Set<String> readers = new HashSet<>();
      if (random.nextInt(20) != 0) {
        readers.add(host);
        int extra = random.nextInt(4);
        for (int r = 0; r < extra; r++) {
          readers.add(people.get(1 + random.nextInt(peopleCount - 1)));
        }
        if (random.nextBoolean()) {
          readers.add(BROAD_READER);
        }
      }
      Instant start =
          random.nextInt(25) == 0
              ? null
              : EPOCH.plus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
      documents.add(
          new Document(
              new DocumentId(type, key),
              words(random, 2 + random.nextInt(3)),
              body(random, type),
              random.nextInt(10) == 0 ? "" : host,
              start,
              random.nextInt(120),
              "https://zoom.us/j/" + key,
              Readers.of(readers),
              Map.of("id", key)));
    }
    return new GeneratedCorpus(List.copyOf(people), List.copyOf(documents));
  }

  public List<String> people() {
    return people;
  }

  public List<Document> documents() {
    return documents;
  }

  /** The ids of the documents {@code person} may read. */
  public Set<DocumentId> readableBy(String person) {
    Set<DocumentId> ids = new HashSet<>();
    for (Document document : documents) {
      if (document.readers().contains(person)) {
        ids.add(document.id());
      }
    }
    return ids;
  }

  /** A person (not the broad reader) who reads the fewest documents, at least one. */
  public String narrowReader() {
    String narrowest = people.get(1);
    int fewest = Integer.MAX_VALUE;
    for (String person : people.subList(1, people.size())) {
      int count = readableBy(person).size();
      if (count > 0 && count < fewest) {
        fewest = count;
        narrowest = person;
      }
    }
    return narrowest;
  }

  /** A word of the shared vocabulary, for queries. */
  public static String word(int index) {
    return WORDS[Math.floorMod(index, WORDS.length)];
  }

  private static String body(Random random, DocumentType type) {
    StringBuilder body = new StringBuilder();
    int lines = 1 + random.nextInt(type == DocumentType.TRANSCRIPT ? 12 : 4);
    for (int line = 0; line < lines; line++) {
      if (type == DocumentType.TRANSCRIPT) {
        body.append(String.format("[00:%02d:%02d] ", line, random.nextInt(60)))
            .append(NAMES[random.nextInt(NAMES.length)])
            .append(": ");
      }
      body.append(words(random, 5 + random.nextInt(15))).append(".\n");
    }
    return body.toString();
  }

  private static String words(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(' ');
      }
      // Skewed towards the first words, so some are common and some rare.
      int index = (int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 12);
      out.append(WORDS[index]);
    }
    String text = out.toString();
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
