package io.zoomdex.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Random;

/**
 * Runtime fault injection for API requests: random 5xx answers, added latency, connections dropped
 * after the headers, truncated JSON bodies, and targeted rules ("the next N requests to X get
 * this"). Random decisions come from a seeded source, so a single-threaded run is repeatable.
 * Thread-safe.
 */
public final class Faults {
  /** What to do with one request. */
  enum Kind {
    NONE,
    SERVER_ERROR,
    DROP_CONNECTION,
    MALFORMED_BODY,
    RULE
  }

  /** A decision, with the rule when {@code kind} is RULE. */
  record Decision(Kind kind, FaultRule rule, Duration latency) {}

  private final Random random;
  private FaultSettings settings;
  private final Deque<RuleCount> rules = new ArrayDeque<>();

  Faults(long seed, FaultSettings initial) {
    this.random = new Random(Hashes.of(seed, 70));
    this.settings = initial;
  }

  /** Replaces the random fault settings (rates and latency). */
  public synchronized void set(FaultSettings faults) {
    this.settings = java.util.Objects.requireNonNull(faults, "faults");
  }

  /** The random fault settings in force. */
  public synchronized FaultSettings settings() {
    return settings;
  }

  /** Sets the fraction of requests answered with a random 5xx. */
  public synchronized void setServerErrorRate(double fraction) {
    settings =
        new FaultSettings(
            fraction,
            settings.latency(),
            settings.dropConnectionRate(),
            settings.malformedBodyRate());
  }

  /** Sets the latency added to every API response. */
  public synchronized void setLatency(Duration latency) {
    settings =
        new FaultSettings(
            settings.serverErrorRate(),
            latency,
            settings.dropConnectionRate(),
            settings.malformedBodyRate());
  }

  /** Sets the fraction of requests whose connection is closed after the headers. */
  public synchronized void setDropConnectionRate(double fraction) {
    settings =
        new FaultSettings(
            settings.serverErrorRate(), settings.latency(), fraction, settings.malformedBodyRate());
  }

  /** Sets the fraction of requests answered 200 with a truncated JSON body. */
  public synchronized void setMalformedBodyRate(double fraction) {
    settings =
        new FaultSettings(
            settings.serverErrorRate(),
            settings.latency(),
            settings.dropConnectionRate(),
            fraction);
  }

  /** Queues a targeted rule; rules apply in the order added, before any random fault. */
  public synchronized void add(FaultRule rule) {
    rules.addLast(new RuleCount(rule));
  }

  /** Removes every rule and random fault. */
  public synchronized void clear() {
    rules.clear();
    settings = FaultSettings.NONE;
  }

  /** How many requests the queued rules will still answer. */
  public synchronized int pendingRuleAnswers() {
    return rules.stream().mapToInt(r -> r.remaining).sum();
  }

  synchronized Decision decide(String operationId) {
    return decide(operationId, false);
  }

  /**
   * The decision for one API request.
   *
   * @param continuation whether the request asks for a later page (carries a page token)
   */
  synchronized Decision decide(String operationId, boolean continuation) {
    Duration latency = settings.latency();
    for (Iterator<RuleCount> it = rules.iterator(); it.hasNext(); ) {
      RuleCount rule = it.next();
      if (rule.rule.matches(operationId, continuation)) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return new Decision(Kind.RULE, rule.rule, latency);
      }
    }
    double roll = random.nextDouble();
    double edge = settings.serverErrorRate();
    if (roll < edge) {
      return new Decision(Kind.SERVER_ERROR, null, latency);
    }
    edge += settings.dropConnectionRate();
    if (roll < edge) {
      return new Decision(Kind.DROP_CONNECTION, null, latency);
    }
    edge += settings.malformedBodyRate();
    if (roll < edge) {
      return new Decision(Kind.MALFORMED_BODY, null, latency);
    }
    return new Decision(Kind.NONE, null, latency);
  }

  /**
   * The decision for a token request: only rules naming {@code "oauthToken"} apply there, so random
   * API faults and catch-all rules never lock a client out of its token.
   */
  synchronized Decision decideForToken() {
    for (Iterator<RuleCount> it = rules.iterator(); it.hasNext(); ) {
      RuleCount rule = it.next();
      if (HttpDispatcher.TOKEN_OPERATION.equals(rule.rule.operationId())) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return new Decision(Kind.RULE, rule.rule, Duration.ZERO);
      }
    }
    return new Decision(Kind.NONE, null, Duration.ZERO);
  }

  /** Which 5xx a random server error uses, from the same seeded source. */
  synchronized int serverErrorStatus() {
    int[] statuses = {500, 502, 503, 504};
    return statuses[random.nextInt(statuses.length)];
  }

  private static final class RuleCount {
    private final FaultRule rule;
    private int remaining;

    RuleCount(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.count();
    }
  }
}
