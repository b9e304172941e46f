package io.zoomdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.simulator.ChangeSet;
import io.zoomdex.simulator.Plan;
import io.zoomdex.simulator.RateLabel;
import io.zoomdex.simulator.RateLimits;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One crawl benchmark: starts the simulator in this JVM with a generated account, runs the crawl
 * ({@link BenchCrawl}) in a child JVM under {@code /usr/bin/time -v} with a GC log, then compares
 * the simulator's request log with the lower bound ({@link ApiCallBound}) and Elastic's algorithm,
 * and writes a JSON result and a Markdown section.
 *
 * <p>The simulator's CPU is this JVM's, so the child's CPU time is the connector's alone (HTTP
 * client, JSON, mapping, Lucene, SQLite).
 */
public final class CrawlBench {
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private CrawlBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    String name = a.get("name");
    Set<String> measures = new TreeSet<>(List.of(a.get("measures", "calls").split(",")));
    Path outDir = Path.of(a.get("out-dir", "target/bench"));
    Files.createDirectories(outDir);
    Plan plan = Plan.valueOf(a.get("sim-plan", "UNLIMITED").toUpperCase(Locale.ROOT));
    SimulatorSettings settings =
        SimulatorSettings.builder()
            .seed(Long.parseLong(a.get("seed", "42")))
            .users(a.getInt("users", 100))
            .meetingsPerUser(a.getInt("meetings", 3))
            .webinarsPerUser(a.getInt("webinars", 1))
            .instancesPerMeeting(a.getInt("instances", 8))
            .participantsPerInstance(a.getInt("participants", 5))
            .plan(plan)
            .build();
    String rates = a.get("rates", "pro");
    double share = Double.parseDouble(a.get("share", "0.8"));
    String xmx = a.get("xmx", "1g");
    String command = a.get("command", "(not given)");
    ObjectMapper json = new ObjectMapper();

    try (ZoomSimulator sim = ZoomSimulator.start(settings)) {
      LocalDate today = LocalDate.ofInstant(sim.clock().now(), ZoneOffset.UTC);
      LocalDate since = today.minusMonths(12); // zoomdex crawl's default
      ApiCallBound bound = new ApiCallBound(sim.account(), sim.clock().now(), since);
      Map<String, Long> lower = bound.bound();
      Map<String, Long> elastic = bound.elastic(12);
      Path data = Files.createTempDirectory(outDir.toAbsolutePath(), name + "-data");
      Child full = runChild(sim, a, name + "-full", data, since, rates, share, xmx, outDir);
      Map<String, Long> observed = sim.requestLog().callsByOperation();
      long total = sim.requestLog().total();
      long tooMany = sim.requestLog().tooManyRequests();

      ObjectNode result = json.createObjectNode();
      result.put("name", name);
      result.put("command", command);
      result.set("settings", json.valueToTree(settingsMap(settings, rates, share, xmx)));
      result.set("observedByOperation", json.valueToTree(observed));
      result.set("boundByOperation", json.valueToTree(lower));
      result.set("elasticByOperation", json.valueToTree(elastic));
      result.put("requests", total);
      result.put("tooManyRequests", tooMany);
      result.set("child", full.result);
      result.put("rssKb", full.rssKb);
      result.put("gcPeakHeapMb", full.gcPeakHeapMb);
      result.put("gcMaxCommittedMb", full.gcMaxCommittedMb);
      result.put("gcMaxLiveMb", full.gcMaxLiveMb);

      StringBuilder md = new StringBuilder();
      md.append("#### ").append(a.get("title", name)).append("\n\n");
      md.append("Reproduce: `").append(command).append("`\n\n");
      md.append(accountLine(sim, settings, full.result)).append("\n\n");
      if (measures.contains("calls")) {
        md.append(callsSection(observed, lower, elastic, bound.elasticInstances(), full.result));
      }
      if (measures.contains("rate")) {
        md.append(rateSection(observed, lower, full, total, tooMany, share));
      }
      if (measures.contains("overhead")) {
        md.append(overheadSection(full));
      }
      if (measures.contains("memory")) {
        md.append(memorySection(full, xmx));
      }
      if (measures.contains("incremental")) {
        md.append(incrementalSection(sim, a, name, data, since, rates, share, xmx, outDir, full));
      }
      json.writerWithDefaultPrettyPrinter()
          .writeValue(outDir.resolve(name + ".json").toFile(), result);
      Files.writeString(outDir.resolve(name + ".md"), md.toString());
      System.out.println(md);
      deleteTree(data);
    }
  }

  // ------------------------------------------------------------------------------ the child JVM

  /** What one child crawl cost. */
  private record Child(
      JsonNode result,
      long rssKb,
      double userSeconds,
      double sysSeconds,
      long gcPeakHeapMb,
      long gcMaxLiveMb,
      long gcMaxCommittedMb,
      int collections) {}

  private static Child runChild(
      ZoomSimulator sim,
      Args a,
      String run,
      Path data,
      LocalDate since,
      String rates,
      double share,
      String xmx,
      Path outDir)
      throws IOException, InterruptedException {
    Path timeFile = outDir.resolve(run + ".time");
    Path gcFile = outDir.resolve(run + ".gc.log");
    Path resultFile = outDir.resolve(run + ".child.json");
    List<String> cmd = new ArrayList<>();
    cmd.add("/usr/bin/time");
    cmd.add("-v");
    cmd.add("-o");
    cmd.add(timeFile.toString());
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + xmx);
    cmd.add("-Xlog:gc:file=" + gcFile);
    cmd.add("-cp");
    cmd.add(a.get("classpath", System.getProperty("java.class.path")));
    cmd.add(BenchCrawl.class.getName());
    cmd.addAll(
        List.of(
            "--data", data.toString(),
            "--since", since.toString(),
            "--rates", rates,
            "--share", Double.toString(share),
            "--concurrency", a.get("concurrency", "4"),
            "--out", resultFile.toString()));
    cmd.addAll(List.of("--mode", run.endsWith("-incremental") ? "incremental" : "full"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("ZOOM_ACCOUNT_ID", sim.accountId());
    env.put("ZOOM_CLIENT_ID", sim.clientId());
    env.put("ZOOM_CLIENT_SECRET", sim.clientSecret());
    env.put("ZOOM_API_URL", sim.apiBaseUrl().toString());
    env.put("ZOOM_OAUTH_URL", sim.oauthBaseUrl().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(outDir.resolve(run + ".log").toFile());
    int exit = pb.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "The crawl JVM exited with " + exit + "; see " + outDir.resolve(run + ".log"));
    }
    JsonNode result = new ObjectMapper().readTree(resultFile.toFile());
    String time = Files.readString(timeFile);
    long peakUsed = 0;
    long peakLive = 0;
    long peakCommitted = 0;
    int collections = 0;
    for (String line : Files.readAllLines(gcFile)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        peakUsed = Math.max(peakUsed, Long.parseLong(m.group(1)));
        peakLive = Math.max(peakLive, Long.parseLong(m.group(2)));
        collections++;
        peakCommitted = Math.max(peakCommitted, Long.parseLong(m.group(3)));
      }
    }
    return new Child(
        result,
        (long) timeField(time, "Maximum resident set size (kbytes)"),
        timeField(time, "User time (seconds)"),
        timeField(time, "System time (seconds)"),
        peakUsed,
        peakLive,
        peakCommitted,
        collections);
  }

  private static double timeField(String timeOutput, String field) {
    for (String line : timeOutput.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith(field + ":")) {
        return Double.parseDouble(trimmed.substring(field.length() + 1).trim());
      }
    }
    throw new IllegalStateException("no '" + field + "' in the /usr/bin/time output");
  }

  // ------------------------------------------------------------------------------ sections

  private static String accountLine(ZoomSimulator sim, SimulatorSettings s, JsonNode child) {
    Map<SimUserStatus, Integer> byStatus = new EnumMap<>(SimUserStatus.class);
    for (SimUser user : sim.account().users()) {
      byStatus.merge(user.status(), 1, Integer::sum);
    }
    return String.format(
        Locale.ROOT,
        "Account: seed %d, %d users (%s), %d meetings and %d webinar(s) per user, mean %d instances"
            + " per recurring meeting, mean %d participants per instance. Crawl outcome: %s, %d"
            + " documents %s, %d failures.",
        s.seed(),
        s.users(),
        byStatus.toString().toLowerCase(Locale.ROOT),
        s.meetingsPerUser(),
        s.webinarsPerUser(),
        s.instancesPerMeeting(),
        s.participantsPerInstance(),
        child.path("outcome").asText(),
        child.path("documents").asLong(),
        child.path("documentsByType").toString(),
        child.path("failures").asLong());
  }

  private static String callsSection(
      Map<String, Long> observed,
      Map<String, Long> lower,
      Map<String, Long> elastic,
      long elasticInstances,
      JsonNode child) {
    StringBuilder md = new StringBuilder();
    Set<String> ops = new TreeSet<>(observed.keySet());
    ops.addAll(lower.keySet());
    md.append("| operation | label | zoomdex (simulator log) | lower bound | zoomdex − bound |")
        .append(" Elastic algorithm |\n|---|---|---:|---:|---:|---:|\n");
    for (String op : ops) {
      RateLabel label = ApiCallBound.labelOf(op);
      long z = observed.getOrDefault(op, 0L);
      long b = lower.getOrDefault(op, 0L);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %+d | %s |\n",
              op,
              label == null ? "–" : label.headerValue(),
              z,
              b,
              z - b,
              elastic.containsKey(op) ? Long.toString(elastic.get(op)) : "–"));
    }
    Map<String, Long> zl = ApiCallBound.byLabel(observed);
    Map<String, Long> bl = ApiCallBound.byLabel(lower);
    Map<String, Long> el = ApiCallBound.byLabel(elastic);
    long zt = 0;
    long bt = 0;
    for (String label : new TreeSet<>(bl.keySet())) {
      long z = zl.getOrDefault(label, 0L);
      long b = bl.get(label);
      zt += z;
      bt += b;
      md.append(
          String.format(
              Locale.ROOT,
              "| **all %s** | | **%d** | **%d** | **%+d (%.2f%%)** | %d |\n",
              label,
              z,
              b,
              z - b,
              100.0 * (z - b) / b,
              el.getOrDefault(label, 0L)));
    }
    long et = el.values().stream().mapToLong(Long::longValue).sum();
    md.append(
        String.format(
            Locale.ROOT,
            "| **all labelled calls** | | **%d** | **%d** | **%+d (%.2f%%)** | %d |\n\n",
            zt,
            bt,
            zt - bt,
            100.0 * (zt - bt) / bt,
            et));
    long zdxInstances =
        child.path("documentsByType").path("PAST_MEETING").asLong()
            + child.path("documentsByType").path("PAST_WEBINAR").asLong();
    md.append(
        String.format(
            Locale.ROOT,
            "zoomdex / bound (labelled calls): **%.4f** (goal ≤ 1.05: %s). Elastic's algorithm on"
                + " the same account: %d labelled calls (plus %d chat-list calls outside zoomdex's"
                + " scope and %d token) for %d instance documents, the latest instance of each"
                + " previous meeting only (no webinars, Q&A, summaries or transcripts); zoomdex: %d"
                + " labelled calls for %d instance documents (%.2f calls per instance document vs"
                + " Elastic's %.2f).\n\n",
            (double) zt / bt,
            zt <= 1.05 * bt ? "met" : "missed",
            et,
            elastic.getOrDefault("chatLists", 0L),
            elastic.getOrDefault("oauthToken", 0L),
            elasticInstances,
            zt,
            zdxInstances,
            (double) zt / Math.max(1, zdxInstances),
            (double) et / Math.max(1, elasticInstances)));
    return md.toString();
  }

  private static String rateSection(
      Map<String, Long> observed,
      Map<String, Long> lower,
      Child child,
      long total,
      long tooMany,
      double share) {
    double wall = child.result.path("wallSeconds").asDouble();
    Map<String, Long> zl = ApiCallBound.byLabel(observed);
    Map<String, Long> bl = ApiCallBound.byLabel(lower);
    RateLimits pro = Plan.PRO.limits();
    double ownRaw = 0;
    double boundRaw = 0;
    StringBuilder perLabel = new StringBuilder();
    for (RateLabel label : RateLabel.values()) {
      double rate = pro.perSecond(label);
      long z = zl.getOrDefault(label.name(), 0L);
      long b = bl.getOrDefault(label.name(), 0L);
      ownRaw = Math.max(ownRaw, z / rate);
      boundRaw = Math.max(boundRaw, b / rate);
      perLabel.append(
          String.format(
              Locale.ROOT,
              "%s: %d calls in %.1f s = %.1f/s (Pro allows %.0f/s, %.0f/s at the %.0f%% share); ",
              label.headerValue(),
              z,
              wall,
              z / wall,
              rate,
              rate * share,
              share * 100));
    }
    double ownShare = ownRaw / share;
    double boundShare = boundRaw / share;
    return String.format(
        Locale.ROOT,
        "Rate utilisation at the simulator's Pro limits (client paced at the default %.0f%% share):"
            + " wall time %.1f s. %s\n\n"
            + "| time bound (slowest label) | bound | wall ÷ bound → speed vs bound |\n"
            + "|---|---:|---:|\n"
            + "| zoomdex's own calls at the %.0f%% share (pacing efficiency) | %.1f s | %.1f%% |\n"
            + "| lower-bound calls at the %.0f%% share | %.1f s | %.1f%% |\n"
            + "| zoomdex's own calls at the raw plan rate | %.1f s | %.1f%% |\n"
            + "| lower-bound calls at the raw plan rate | %.1f s | %.1f%% |\n\n"
            + "429 answers: %d of %d requests = **%.3f%%** (goal ≤ 1%%: %s). Speed vs the"
            + " share-adjusted lower bound: **%.1f%%** (goal ≥ 90%%: %s).\n\n",
        share * 100,
        wall,
        perLabel,
        share * 100,
        ownShare,
        100 * ownShare / wall,
        share * 100,
        boundShare,
        100 * boundShare / wall,
        ownRaw,
        100 * ownRaw / wall,
        boundRaw,
        100 * boundRaw / wall,
        tooMany,
        total,
        100.0 * tooMany / total,
        tooMany <= 0.01 * total ? "met" : "missed",
        100 * boundShare / wall,
        boundShare / wall >= 0.9 ? "met" : "missed");
  }

  private static String overheadSection(Child child) {
    double wall = child.result.path("wallSeconds").asDouble();
    double cpu = child.result.path("processCpuSeconds").asDouble();
    long docs = child.result.path("documents").asLong();
    return String.format(
        Locale.ROOT,
        "Connector overhead, simulator unthrottled and in another JVM (its CPU not counted):"
            + " %d documents in %.1f s = **%.0f documents/s**; crawl-JVM CPU %.1f s"
            + " (OperatingSystemMXBean process CPU time, crawl only; /usr/bin/time user+sys for"
            + " the whole JVM incl. start-up: %.1f s) = **%.2f ms CPU per document**; %d API calls"
            + " = %.0f calls/s.\n\n",
        docs,
        wall,
        docs / wall,
        cpu,
        child.userSeconds + child.sysSeconds,
        1000 * cpu / docs,
        sum(child.result.path("callsByOperation")),
        sum(child.result.path("callsByOperation")) / wall);
  }

  private static String memorySection(Child child, String xmx) {
    return String.format(
        Locale.ROOT,
        "Memory (crawl JVM, -Xmx%s, default G1): peak heap used before a GC %d MB, largest heap"
            + " left after a GC (the live set) **%d MB** (GC log, %d collections), heap committed at"
            + " most %d MB, sum of heap-pool peaks %d MB (MemoryMXBean, an upper"
            + " bound); peak RSS **%d MB** (/usr/bin/time -v); %d documents, outcome %s.\n\n",
        xmx,
        child.gcPeakHeapMb,
        child.gcMaxLiveMb,
        child.collections(),
        child.gcMaxCommittedMb,
        child.result.path("heapPoolPeaksSumBytes").asLong() / (1024 * 1024),
        child.rssKb / 1024,
        child.result.path("documents").asLong(),
        child.result.path("outcome").asText());
  }

  private static String incrementalSection(
      ZoomSimulator sim,
      Args a,
      String name,
      Path data,
      LocalDate since,
      String rates,
      double share,
      String xmx,
      Path outDir,
      Child full)
      throws IOException, InterruptedException {
    long fullCalls = sim.requestLog().total();
    long fullLabelled =
        ApiCallBound.byLabel(sim.requestLog().callsByOperation()).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    ChangeSet changes = sim.mutations().changeFraction(0.01, 7);
    sim.requestLog().reset();
    Child incremental =
        runChild(sim, a, name + "-incremental", data, since, rates, share, xmx, outDir);
    long incCalls = sim.requestLog().total();
    Map<String, Long> incByOp = sim.requestLog().callsByOperation();
    long incLabelled =
        ApiCallBound.byLabel(incByOp).values().stream().mapToLong(Long::longValue).sum();
    String changed =
        String.format(
            Locale.ROOT,
            "%d meetings updated, %d created, %d deleted, %d new instances, %d new summaries, %d"
                + " webinars updated, %d users deactivated, %d deleted, %d created",
            changes.updatedMeetings().size(),
            changes.createdMeetings().size(),
            changes.deletedMeetings().size(),
            changes.newInstances().size(),
            changes.newSummaries().size(),
            changes.updatedWebinars().size(),
            changes.deactivatedUsers().size(),
            changes.deletedUsers().size(),
            changes.createdUsers().size());
    return String.format(
        Locale.ROOT,
        "Incremental sync after `Mutations.changeFraction(0.01)` (%s): %d labelled API calls vs %d"
            + " for the full crawl = **%.1f%%** (all requests incl. tokens and downloads: %d vs %d);"
            + " outcome %s, %d documents emitted, %.1f s; calls by operation %s.\n\n",
        changed,
        incLabelled,
        fullLabelled,
        100.0 * incLabelled / fullLabelled,
        incCalls,
        fullCalls,
        incremental.result.path("outcome").asText(),
        incremental.result.path("documents").asLong(),
        incremental.result.path("wallSeconds").asDouble(),
        incByOp);
  }

  // ------------------------------------------------------------------------------ helpers

  private static long sum(JsonNode counts) {
    long total = 0;
    for (JsonNode n : counts) {
      total += n.asLong();
    }
    return total;
  }

  private static Map<String, Object> settingsMap(
      SimulatorSettings s, String rates, double share, String xmx) {
    Map<String, Object> m = new TreeMap<>();
    m.put("seed", s.seed());
    m.put("users", s.users());
    m.put("meetingsPerUser", s.meetingsPerUser());
    m.put("webinarsPerUser", s.webinarsPerUser());
    m.put("instancesPerMeeting", s.instancesPerMeeting());
    m.put("participantsPerInstance", s.participantsPerInstance());
    m.put("simulatorPlan", s.plan().name());
    m.put("clientRates", rates);
    m.put("share", share);
    m.put("xmx", xmx);
    return m;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
