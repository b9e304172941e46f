package io.zoomdex.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.zoomdex.document.Readers;
import java.io.IOException;
import java.io.Reader;
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
 * A two-column CSV file: the value a searcher presents, then their Zoom email. Lines starting with
 * {@code #} and blank lines are skipped; a first line whose second column is a name with {@code
 * email} in it (such as {@code value,zoom_email}) is a header. Both columns are lower-cased and
 * trimmed. A value listed twice with two different emails is ambiguous (it fails closed), never
 * "the last one wins".
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
    Map<String, List<Entry>> entries = new LinkedHashMap<>();
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        MappingIterator<List<String>> rows =
            csv.readerForListOf(String.class)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .with(CsvParser.Feature.ALLOW_COMMENTS)
                .readValues(reader)) {
      boolean first = true;
      while (rows.hasNextValue()) {
        List<String> row = rows.nextValue();
        int line = rows.getCurrentLocation().getLineNr();
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        if (first && isHeader(row)) {
          first = false;
          continue;
        }
        first = false;
        add(entries, path, line, row);
      }
    } catch (NoSuchFileException e) {
      throw new IdentityConfigException(
          "The identity mapping file " + path + " does not exist; check identity.mapping_file.", e);
    } catch (CharacterCodingException e) {
      throw new IdentityConfigException(
          "The identity mapping file " + path + " is not UTF-8 text; save it as UTF-8.", e);
    } catch (JsonProcessingException e) {
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + ", line "
              + e.getLocation().getLineNr()
              + ", is not valid CSV; write two comma-separated columns: value, Zoom email.",
          e);
    } catch (IOException e) {
      throw new IdentityConfigException(
          "The identity mapping file "
              + path
              + " cannot be read; check that it is a readable file.",
          e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException parse) {
        throw new IdentityConfigException(
            "The identity mapping file "
                + path
                + ", line "
                + parse.getLocation().getLineNr()
                + ", is not valid CSV; write two comma-separated columns: value, Zoom email.",
            e);
      }
      throw e;
    }
    return new MappingFile(path, entries);
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
