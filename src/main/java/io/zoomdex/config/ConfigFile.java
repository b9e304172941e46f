package io.zoomdex.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --config} properties file, read so that a problem names its line: the file is checked
 * line by line for what {@link Properties#load} refuses (a malformed {@code \\uXXXX} escape) before
 * it is loaded whole.
 *
 * @param properties the file's settings
 * @param lines the file's lines, to say where a key is
 */
record ConfigFile(Properties properties, List<String> lines) {
  private static final Pattern BAD_ESCAPE = Pattern.compile("\\\\u(?![0-9a-fA-F]{4})");
  private static final Pattern KEY = Pattern.compile("^\\s*([^=:\\s]+)");

  /**
   * Reads {@code path}.
   *
   * @throws ConfigException naming the file (and the line) when it is missing, unreadable, not
   *     UTF-8 or not a properties file
   */
  static ConfigFile read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "The config file " + path + " given by --config does not exist; check the path.", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          "The config file " + path + " is not UTF-8 text; save it as UTF-8.", e);
    } catch (IOException e) {
      throw new ConfigException(
          "The config file "
              + path
              + " given by --config cannot be read ("
              + e.getMessage()
              + "); check that it is a readable file.",
          e);
    }
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (isComment(lines.get(i))) {
        continue;
      }
      Matcher bad = BAD_ESCAPE.matcher(lines.get(i));
      if (bad.find()) {
        throw new ConfigException(
            "The config file "
                + path
                + ", line "
                + (i + 1)
                + ", has a \\u not followed by 4 hex digits; write the character itself (the"
                + " file is UTF-8) or a full escape such as \\u00e9.");
      }
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "The config file "
              + path
              + " does not parse as a properties file ("
              + e.getMessage()
              + "); write one key = value per line.",
          e);
    }
    return new ConfigFile(properties, lines);
  }

  /** The first line (from 1) that sets {@code key}, if a line starts with it. */
  Optional<Integer> lineOf(String key) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY.matcher(lines.get(i));
      if (!isComment(lines.get(i)) && m.find() && m.group(1).equals(key)) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }

  private static boolean isComment(String line) {
    String stripped = line.stripLeading();
    return stripped.startsWith("#") || stripped.startsWith("!");
  }
}
