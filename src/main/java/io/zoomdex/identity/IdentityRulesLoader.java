package io.zoomdex.identity;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code identity.*} keys of a {@code --config} properties file (the {@code zoom.*} keys
 * are another reader's):
 *
 * <ul>
 *   <li>{@code identity.domain_aliases = corp.example=corp.com; old.example=corp.com}: domains that
 *       name the same people
 *   <li>{@code identity.user_name_domain = corp.com}: completes an SSO claim that is a bare user
 *       name (several, comma-separated, may be ambiguous)
 *   <li>{@code identity.mapping_file = people.csv}: a two-column CSV (value, Zoom email), relative
 *       to the config file's folder
 * </ul>
 */
public final class IdentityRulesLoader {
  static final String ALIASES = "identity.domain_aliases";
  static final String USER_NAME_DOMAIN = "identity.user_name_domain";
  static final String MAPPING_FILE = "identity.mapping_file";
  private static final Set<String> KEYS = Set.of(ALIASES, USER_NAME_DOMAIN, MAPPING_FILE);
  private static final Pattern DOMAIN =
      Pattern.compile("@?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  private IdentityRulesLoader() {}

  /**
   * The rules in {@code configFile}; lower-casing only when it is null or has no identity keys.
   *
   * @throws IdentityConfigException in one sentence naming the file, the line and the fix
   */
  public static IdentityRules load(Path configFile) {
    if (configFile == null) {
      return IdentityRules.LOWER_CASE_ONLY;
    }
    Properties properties = new Properties();
    List<String> lines;
    try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
      lines = Files.readAllLines(configFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IdentityConfigException(
          "The config file " + configFile + " does not exist; check the path given to --config.",
          e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IdentityConfigException(
          "The config file "
              + configFile
              + " cannot be read as UTF-8 properties; write one key = value per line.",
          e);
    }
    Where where = new Where(configFile, lines);
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("identity.") && !KEYS.contains(key)) {
        throw new IdentityConfigException(
            where.at(key)
                + " has an unknown key '"
                + key
                + "'; the identity keys are "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ".");
      }
    }
    List<Set<String>> aliases = aliases(properties.getProperty(ALIASES, ""), where);
    List<String> userNameDomains = new ArrayList<>();
    for (String domain : split(properties.getProperty(USER_NAME_DOMAIN, ""), ",")) {
      userNameDomains.add(domain(domain, USER_NAME_DOMAIN, where));
    }
    MappingFile mapping = MappingFile.none();
    String mappingPath = properties.getProperty(MAPPING_FILE, "").strip();
    if (!mappingPath.isEmpty()) {
      Path path = Path.of(mappingPath);
      Path folder = configFile.toAbsolutePath().getParent();
      mapping = MappingFile.read(path.isAbsolute() || folder == null ? path : folder.resolve(path));
    }
    return new IdentityRules(aliases, userNameDomains, mapping);
  }

  private static List<Set<String>> aliases(String text, Where where) {
    List<Set<String>> groups = new ArrayList<>();
    for (String pair : split(text, ";")) {
      String[] sides = pair.split("=", -1);
      if (sides.length < 2) {
        throw new IdentityConfigException(
            where.at(ALIASES)
                + " has '"
                + pair
                + "', which is not an alias; write domains that name the same people joined by"
                + " '=', e.g. corp.example=corp.com, and separate aliases with ';'.");
      }
      List<String> domains = new ArrayList<>();
      for (String side : sides) {
        domains.add(domain(side, ALIASES, where));
      }
      groups.add(Set.copyOf(domains));
    }
    return groups;
  }

  private static String domain(String text, String key, Where where) {
    String domain = IdentityRules.domain(text);
    if (!DOMAIN.matcher(domain).matches()) {
      throw new IdentityConfigException(
          where.at(key)
              + " has '"
              + text.strip()
              + "', which is not a domain; write one like corp.com.");
    }
    return domain;
  }

  private static List<String> split(String text, String separator) {
    return Arrays.stream(text.split(Pattern.quote(separator)))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Names the file and the line of a key, for messages. */
  private record Where(Path file, List<String> lines) {
    String at(String key) {
      Pattern starts = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:\\s]");
      for (int i = 0; i < lines.size(); i++) {
        if (starts.matcher(lines.get(i)).find()) {
          return "The config file " + file + ", line " + (i + 1) + ",";
        }
      }
      return "The config file " + file;
    }
  }
}
