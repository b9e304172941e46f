package io.zoomdex.identity;

import io.zoomdex.document.Readers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves a presented value to one Zoom identity by the {@link IdentityRules}: first the mapping
 * file (explicit rows win); otherwise every other rule proposes candidates (the value itself,
 * lower-cased; the same local part in each alias domain; a bare user name with each user-name
 * domain and its aliases), and exactly one known candidate is a match. Two known candidates are
 * ambiguous and fail closed.
 */
public final class IdentityResolver {
  private final IdentityRules rules;
  private final KnownIdentities known;

  public IdentityResolver(IdentityRules rules, KnownIdentities known) {
    this.rules = rules;
    this.known = known;
  }

  public IdentityRules rules() {
    return rules;
  }

  /** What {@code raw} resolves to, with the rule that decided; never throws for any input. */
  public Resolution resolve(String raw) {
    String shown = raw == null ? "" : raw.strip();
    String value = Readers.normalize(raw);
    if (value.isEmpty()) {
      return Resolution.noMatch(shown, "The value is blank, so it names nobody.");
    }
    List<MappingFile.Entry> rows = rules.mappingFile().entriesFor(value);
    if (!rows.isEmpty()) {
      return fromMappingFile(shown, rows);
    }
    Map<String, String> candidates = candidates(value);
    Map<String, String> found = new LinkedHashMap<>();
    candidates.forEach(
        (candidate, rule) -> {
          if (known.contains(candidate)) {
            found.put(candidate, rule);
          }
        });
    if (found.size() == 1) {
      Map.Entry<String, String> only = found.entrySet().iterator().next();
      return Resolution.match(shown, only.getKey(), capitalized(only.getValue()) + ".");
    }
    if (found.size() > 1) {
      return Resolution.ambiguous(
          shown,
          List.copyOf(found.keySet()),
          "Two rules give different Zoom identities ("
              + found.entrySet().stream()
                  .map(e -> e.getKey() + " by " + rulePhrase(e.getValue()))
                  .collect(Collectors.joining("; "))
              + "), so it fails closed and sees nothing; add a row to the mapping file to decide.");
    }
    if (candidates.isEmpty()) {
      return Resolution.noMatch(
          shown,
          "It is not an email and no user-name domain is set (identity.user_name_domain), so it"
              + " names nobody.");
    }
    return Resolution.noMatch(
        shown,
        "No rule gives a known Zoom identity (tried "
            + String.join(", ", candidates.keySet())
            + "; none is a Zoom user or a reader of any indexed document).");
  }

  private Resolution fromMappingFile(String shown, List<MappingFile.Entry> rows) {
    List<String> targets = rows.stream().map(MappingFile.Entry::email).distinct().toList();
    String lines =
        rows.stream().map(r -> Integer.toString(r.line())).collect(Collectors.joining(", "));
    String file = rules.mappingFile().describe();
    if (targets.size() > 1) {
      return Resolution.ambiguous(
          shown,
          targets,
          "The mapping file "
              + file
              + " lists it on lines "
              + lines
              + " with different Zoom emails ("
              + String.join(", ", targets)
              + "), so it fails closed and sees nothing; keep one row.");
    }
    String target = targets.get(0);
    String where = "the mapping file " + file + ", line " + rows.get(0).line();
    if (!known.contains(target)) {
      return Resolution.noMatch(
          shown,
          capitalized(where)
              + ", maps it to "
              + target
              + ", which is not a Zoom user or a reader of any indexed document.");
    }
    return Resolution.match(shown, target, capitalized(where) + ", maps it to " + target + ".");
  }

  /** Candidate identities with the rule that proposes each, in rule order. */
  private Map<String, String> candidates(String value) {
    Map<String, String> candidates = new LinkedHashMap<>();
    int at = value.lastIndexOf('@');
    if (at > 0 && at < value.length() - 1) {
      String local = value.substring(0, at);
      String domain = value.substring(at + 1);
      candidates.put(value, "lower-casing: it is the Zoom identity " + value);
      for (String alias : rules.aliasesOf(domain)) {
        if (!alias.equals(domain)) {
          candidates.putIfAbsent(
              local + "@" + alias,
              "the domain alias " + domain + " = " + alias + ": it is " + local + "@" + alias);
        }
      }
      return candidates;
    }
    if (value.contains("@")) {
      return candidates;
    }
    for (String domain : rules.userNameDomains()) {
      for (String alias : rules.aliasesOf(domain)) {
        String rule =
            alias.equals(domain)
                ? "the user name plus the SSO domain " + domain
                : "the user name plus the SSO domain " + domain + " and its alias " + alias;
        candidates.putIfAbsent(value + "@" + alias, rule + ": it is " + value + "@" + alias);
      }
    }
    return candidates;
  }

  private static String rulePhrase(String rule) {
    int colon = rule.indexOf(':');
    return colon < 0 ? rule : rule.substring(0, colon);
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
