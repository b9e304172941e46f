package io.zoomdex.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mapping rules in force. Lower-casing and trimming always apply (the reader contract compares
 * lower-cased emails). With no other rule, a value maps to the Zoom identity it names exactly.
 *
 * @param domainAliases groups of domains that name the same people ({@code corp.example} and {@code
 *     corp.com}); a value in one domain may be the same local part in any other of its group
 * @param userNameDomains the domains an SSO claim that is a bare user name ({@code alice}) is
 *     completed with
 * @param mappingFile explicit value-to-email rows, which win over every other rule
 */
public record IdentityRules(
    List<Set<String>> domainAliases, List<String> userNameDomains, MappingFile mappingFile) {

  /** Lower-casing only. */
  public static final IdentityRules LOWER_CASE_ONLY =
      new IdentityRules(List.of(), List.of(), MappingFile.none());

  public IdentityRules {
    Objects.requireNonNull(mappingFile, "mappingFile");
    domainAliases = merged(domainAliases);
    userNameDomains = userNameDomains.stream().map(IdentityRules::domain).distinct().toList();
  }

  /** Whether a value that is not an email (a bare user name) can map to anyone. */
  public boolean acceptsUserNames() {
    return !userNameDomains.isEmpty() || mappingFile.size() > 0;
  }

  /** The domains that name the same people as {@code domain}, itself first. */
  public List<String> aliasesOf(String domain) {
    String wanted = domain(domain);
    List<String> same = new ArrayList<>();
    same.add(wanted);
    for (Set<String> group : domainAliases) {
      if (group.contains(wanted)) {
        group.stream().filter(d -> !d.equals(wanted)).forEach(same::add);
      }
    }
    return same;
  }

  /** A description of the rules for {@code whois --help} and logs (no secrets here). */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("lower-casing");
    domainAliases.forEach(group -> parts.add("domain alias " + String.join(" = ", group)));
    userNameDomains.forEach(d -> parts.add("user name + @" + d));
    if (mappingFile.size() > 0) {
      parts.add("mapping file " + mappingFile.describe());
    }
    return String.join(", ", parts);
  }

  static String domain(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    return d.startsWith("@") ? d.substring(1) : d;
  }

  /** Merges groups that share a domain, so aliasing is an equivalence. */
  private static List<Set<String>> merged(List<Set<String>> groups) {
    List<Set<String>> result = new ArrayList<>();
    for (Set<String> group : groups) {
      Set<String> merged = new TreeSet<>();
      group.forEach(d -> merged.add(domain(d)));
      for (Iterator<Set<String>> it = result.iterator(); it.hasNext(); ) {
        Set<String> existing = it.next();
        if (!Collections.disjoint(existing, merged)) {
          merged.addAll(existing);
          it.remove();
        }
      }
      result.add(merged);
    }
    return result.stream().map(s -> Collections.unmodifiableSet(s)).toList();
  }
}
