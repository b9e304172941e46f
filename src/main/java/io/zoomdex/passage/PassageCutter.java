package io.zoomdex.passage;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document into the passages a person would want to land on, from the document alone (its
 * stored title and body), so a re-embed from the index cuts exactly as the crawl did:
 *
 * <ul>
 *   <li>a transcript into windows of consecutive cues of about {@link #TARGET_WORDS} words (never
 *       more than {@link #MAX_WORDS}), each overlapping the previous one by about {@link
 *       #OVERLAP_WORDS} words, with the time of its first cue and its speakers;
 *   <li>a summary into its sections (Markdown headings, or the paragraphs of the older form): the
 *       first, or one named recap or overview, is the overview; one named next steps or action
 *       items is the next steps;
 *   <li>a meeting, webinar or past instance into its agenda and one passage per question with its
 *       answer (its list of people is left to keyword search: names carry no meaning to embed);
 *   <li>anything short as one passage, anything long without structure into word windows.
 * </ul>
 *
 * A document with neither title nor body has no passage. Every passage is at most {@link
 * #MAX_WORDS} words, well inside the 512-token window of the small embedding models.
 */
public final class PassageCutter {

  /** The length a transcript window aims for. */
  public static final int TARGET_WORDS = 200;

  /** The longest passage; longer sections are cut into windows. */
  public static final int MAX_WORDS = 250;

  /** How many words a transcript window repeats from the end of the previous one. */
  public static final int OVERLAP_WORDS = 50;

  /** A passage shorter than this joins its neighbour when the document has no structure. */
  private static final int SMALL_WORDS = 40;

  private static final Pattern CUE =
      Pattern.compile(
          "^\\[(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d{1,3})?]\\s*(?:([^:\\n\\[\\]]{1,80}):\\s)?(.*)$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
  private static final Pattern QUESTION = Pattern.compile("^Q \\((.*?)\\): ");
  private static final Pattern PEOPLE = Pattern.compile("^(Participants|Attendees|Panelists): ");
  private static final Pattern WORD = Pattern.compile("\\S+");

  /** The passages of one document, in document order, ordinals from 0. */
  public List<Passage> cut(Document document) {
    Builder out = new Builder(document.id());
    String body = document.body().strip();
    switch (document.type()) {
      case TRANSCRIPT -> cutTranscript(body, out);
      case SUMMARY -> cutSummary(body, out);
      default -> cutEvent(body, out);
    }
    if (out.passages.isEmpty() && !document.title().isBlank()) {
      // Nothing in the body: the title alone still says what the document is about.
      out.add(PassageKind.TEXT, document.title().strip(), null, List.of());
    }
    return out.passages;
  }

  private static void cutTranscript(String body, Builder out) {
    List<Cue> cues = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher cue = CUE.matcher(line.strip());
      if (cue.matches()) {
        Duration at =
            Duration.ofHours(Long.parseLong(cue.group(1)))
                .plusMinutes(Long.parseLong(cue.group(2)))
                .plusSeconds(Long.parseLong(cue.group(3)));
        String speaker = cue.group(4) == null ? "" : cue.group(4).strip();
        cues.addAll(Cue.split(line.strip(), at, speaker, MAX_WORDS));
      } else if (!cues.isEmpty()) {
        // A continuation line of the previous cue.
        Cue last = cues.remove(cues.size() - 1);
        cues.addAll(Cue.split(last.line + " " + line.strip(), last.at, last.speaker, MAX_WORDS));
      } else {
        cues.addAll(Cue.split(line.strip(), Duration.ZERO, "", MAX_WORDS));
      }
    }
    int start = 0;
    while (start < cues.size()) {
      int end = start;
      int words = 0;
      while (end < cues.size()
          && (words < TARGET_WORDS)
          && (end == start || words + cues.get(end).words <= MAX_WORDS)) {
        words += cues.get(end).words;
        end++;
      }
      addWindow(cues, start, end, out);
      if (end >= cues.size()) {
        break;
      }
      int remaining = 0;
      for (Cue cue : cues.subList(end, cues.size())) {
        remaining += cue.words;
      }
      if (remaining < TARGET_WORDS - OVERLAP_WORDS) {
        // A short tail would be a thin window of its own: end with a full window aligned to the
        // last cue instead, overlapping the previous one more.
        int last = cues.size();
        int tail = 0;
        while (last - 1 > start
            && tail < TARGET_WORDS
            && tail + cues.get(last - 1).words <= MAX_WORDS) {
          tail += cues.get(last - 1).words;
          last--;
        }
        addWindow(cues, last, cues.size(), out);
        break;
      }
      // Step back over about OVERLAP_WORDS words, always moving forward by at least one cue.
      int next = end;
      int overlap = 0;
      while (next - 1 > start && overlap + cues.get(next - 1).words <= OVERLAP_WORDS) {
        overlap += cues.get(next - 1).words;
        next--;
      }
      start = next;
    }
  }

  private static void addWindow(List<Cue> cues, int start, int end, Builder out) {
    List<String> lines = new ArrayList<>();
    Set<String> speakers = new LinkedHashSet<>();
    for (Cue cue : cues.subList(start, end)) {
      lines.add(cue.line);
      if (!cue.speaker.isEmpty()) {
        speakers.add(cue.speaker);
      }
    }
    out.add(
        PassageKind.TRANSCRIPT_WINDOW,
        String.join("\n", lines),
        cues.get(start).at,
        List.copyOf(speakers));
  }

  private static void cutSummary(String body, Builder out) {
    List<Section> sections = new ArrayList<>();
    Section current = new Section("");
    for (String line : body.split("\n")) {
      Matcher heading = HEADING.matcher(line.strip());
      if (heading.matches()) {
        if (!current.text.isEmpty()) {
          sections.add(current);
        }
        current = new Section(heading.group(1).strip());
      } else {
        current.append(plainMarkdown(line));
      }
    }
    if (!current.text.isEmpty()) {
      sections.add(current);
    }
    if (sections.size() == 1 && sections.get(0).heading.isEmpty()) {
      // The older form: overview, detail paragraphs, then "Next steps:" and its lines.
      sections.clear();
      for (String paragraph : body.split("\n\\s*\n")) {
        if (!paragraph.isBlank()) {
          Section section = new Section(firstLineLabel(paragraph));
          section.append(plainMarkdown(paragraph));
          sections.add(section);
        }
      }
    }
    for (int i = 0; i < sections.size(); i++) {
      Section section = sections.get(i);
      String name = section.heading.toLowerCase(Locale.ROOT);
      PassageKind kind;
      if (name.contains("next step") || name.contains("action item")) {
        kind = PassageKind.NEXT_STEPS;
      } else if (i == 0 || name.contains("recap") || name.contains("overview")) {
        kind = PassageKind.OVERVIEW;
      } else {
        kind = PassageKind.SECTION;
      }
      String text =
          section.heading.isEmpty() || section.text.toString().startsWith(section.heading)
              ? section.text.toString().strip()
              : section.heading + "\n" + section.text.toString().strip();
      addWindows(kind, text, out);
    }
  }

  private static void cutEvent(String body, Builder out) {
    List<String> agenda = new ArrayList<>();
    List<String> qa = new ArrayList<>();
    for (String paragraph : body.split("\n\\s*\n")) {
      String text = paragraph.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (PEOPLE.matcher(text).find()) {
        // Names are found by keywords; as a vector they would only echo the title.
        continue;
      } else if (QUESTION.matcher(text).find()) {
        qa.add(text);
      } else {
        agenda.add(text);
      }
    }
    if (!agenda.isEmpty()) {
      addWindows(PassageKind.AGENDA, String.join("\n\n", agenda), out);
    }
    for (String block : qa) {
      // One passage per question with the answer lines that follow it.
      StringBuilder pair = new StringBuilder();
      for (String line : block.split("\n")) {
        if (QUESTION.matcher(line).find() && pair.length() > 0) {
          addWindows(PassageKind.QUESTION_AND_ANSWER, pair.toString(), out);
          pair.setLength(0);
        }
        pair.append(pair.length() == 0 ? "" : "\n").append(line.strip());
      }
      if (pair.length() > 0) {
        addWindows(PassageKind.QUESTION_AND_ANSWER, pair.toString(), out);
      }
    }
  }

  /** One passage when short enough, else windows of {@link #TARGET_WORDS} overlapping words. */
  private static void addWindows(PassageKind kind, String text, Builder out) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(word.group());
    }
    if (words.isEmpty()) {
      return;
    }
    if (words.size() <= MAX_WORDS) {
      out.add(kind, text.strip(), null, List.of());
      return;
    }
    int step = TARGET_WORDS - OVERLAP_WORDS;
    for (int start = 0; start < words.size(); start += step) {
      int end = Math.min(words.size(), start + TARGET_WORDS);
      if (words.size() - end < SMALL_WORDS) {
        end = words.size(); // a short tail joins this window instead of being a window alone
      }
      out.add(kind, String.join(" ", words.subList(start, end)), null, List.of());
      if (end == words.size()) {
        break;
      }
    }
  }

  private static String firstLineLabel(String paragraph) {
    String first = paragraph.strip().split("\n", 2)[0];
    return first.endsWith(":") ? first.substring(0, first.length() - 1) : "";
  }

  /** A Markdown line as plain text: heading marks, bullets' emphasis and links' syntax dropped. */
  private static String plainMarkdown(String line) {
    return line.replace("**", "")
        .replace("__", "")
        .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
        .replaceAll("^\\s*[*+]\\s+", "- ");
  }

  private static int wordCount(String text) {
    int count = 0;
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      count++;
    }
    return count;
  }

  /** A transcript cue line (or a piece of a very long one). */
  private record Cue(String line, Duration at, String speaker, int words) {
    static List<Cue> split(String line, Duration at, String speaker, int maxWords) {
      int words = wordCount(line);
      if (words <= maxWords) {
        return List.of(new Cue(line, at, speaker, words));
      }
      List<Cue> pieces = new ArrayList<>();
      String[] all = line.split("\\s+");
      for (int from = 0; from < all.length; from += maxWords) {
        int to = Math.min(all.length, from + maxWords);
        String piece = String.join(" ", java.util.Arrays.asList(all).subList(from, to));
        pieces.add(new Cue(piece, at, speaker, to - from));
      }
      return pieces;
    }
  }

  private static final class Section {
    private final String heading;
    private final StringBuilder text = new StringBuilder();

    Section(String heading) {
      this.heading = heading;
    }

    void append(String line) {
      if (line.isBlank() && text.length() == 0) {
        return;
      }
      text.append(line).append('\n');
    }
  }

  private static final class Builder {
    private final DocumentId id;
    private final List<Passage> passages = new ArrayList<>();

    Builder(DocumentId id) {
      this.id = id;
    }

    void add(PassageKind kind, String text, Duration at, List<String> speakers) {
      if (!text.isBlank()) {
        passages.add(new Passage(id, passages.size(), kind, text, at, speakers));
      }
    }
  }
}
