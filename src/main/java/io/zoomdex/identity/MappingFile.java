package io.zoomdex.identity;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.zoomdex.document.Readers;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A two-column CSV file, one row a line: the value a searcher presents, then their Zoom email.
 * Lines starting with {@code #} and blank lines are skipped; a first line whose second column is a
 * name with {@code email} in it (such as {@code value,zoom_email}) is a header. Both columns are
 * lower-cased and trimmed. A value listed twice with two different emails is ambiguous (it fails
 * closed), never "the last one wins".
 */
public final class MappingFile {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  /** One row: the Zoom email a value maps to and the line that says so. */
  public record Entry(String email, int line) {}

  private final Path path;
  private final Map<String, List<Entry>> entries;

  private MappingFile(Path path, Map<String, List<Entry>> entries) {
    this.path = path;
    this.entries = entries;
  }

  /** An empty mapping, for a configuration without a mapping file. */
  public static MappingFile none() {
    return new MappingFile(null, Map.of());
  }

  /**
   * Reads {@code path}.
   *
   * @throws IdentityConfigException naming the file and line when it is missing, not UTF-8, not
   *     CSV, or a row does not have exactly two columns with an email in the second
   */
  public static MappingFile read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IdentityConfigException(
          "The identity mapping file " + path + " does not exist; check identity.mapping_file.", e);
    } catch (CharacterCodingException e) {
      throw new IdentityConfigException(
          "The identity mapping file " + path + " is not UTF-8 text; save it as UTF-8.", e);
    } catch (IOException e) {
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + " cannot be read; check that it is a readable file.",
          e);
    }
    // One row a line (a value never spans lines), so that every error names its line.
    ObjectReader rows =
        new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);
    Map<String, List<Entry>> entries = new LinkedHashMap<>();
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank() || text.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> row = parse(rows, text, path, i + 1);
      if (first && isHeader(row)) {
        first = false;
        continue;
      }
      first = false;
      add(entries, path, i + 1, row);
    }
    return new MappingFile(path, entries);
  }

  private static List<String> parse(ObjectReader rows, String text, Path path, int line) {
    try (MappingIterator<List<String>> parsed = rows.readValues(text)) {
      List<String> row = parsed.hasNextValue() ? parsed.nextValue() : List.of();
      if (parsed.hasNextValue()) {
        throw new IdentityConfigException(
            "The identity mapping file "
                + path
                + ", line "
                + line
                + ", holds more than one row; write one row a line.");
      }
      return row;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IdentityConfigException known) {
        throw known;
      }
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + ", line "
              + line
              + ", is not valid CSV (check its quotes); write two comma-separated columns: value,"
              + " Zoom email.",
          e);
    }
  }

  private static void add(Map<String, List<Entry>> entries, Path path, int line, List<String> row) {
    if (row.size() != 2) {
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + ", line "
              + line
              + ", has "
              + row.size()
              + " columns; write exactly two: the value a person signs in with, then their Zoom"
              + " email.");
    }
    String value = Readers.normalize(row.get(0));
    String email = Readers.normalize(row.get(1));
    if (value.isEmpty()) {
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + ", line "
              + line
              + ", has an empty first column;"
              + " write the value a person signs in with.");
    }
    if (!EMAIL.matcher(email).matches()) {
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + ", line "
              + line
              + ", maps to '"
              + email
              + "', which is not an email address; the second column is the person's Zoom email.");
    }
    entries.computeIfAbsent(value, v -> new ArrayList<>()).add(new Entry(email, line));
  }

  private static boolean isHeader(List<String> row) {
    return row.size() == 2 && Readers.normalize(row.get(1)).matches("[a-z_ ]*email[a-z_ ]*");
  }

  /** The rows for a (lower-cased, trimmed) value, in file order; empty when it is not listed. */
  public List<Entry> entriesFor(String value) {
    return entries.getOrDefault(value, List.of());
  }

  /** The file, for messages; empty when there is none. */
  public String describe() {
    return path == null ? "" : path.toString();
  }

  public int size() {
    return entries.size();
  }
}
