package io.zoomdex.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that shapes a simulated Zoom account and its API. Immutable; change a copy with the
 * {@code with...} methods or build one with {@link #builder()}.
 *
 * @param seed makes the generated data, ids, credentials and random faults repeatable
 * @param users number of users in the account (pending and inactive ones included)
 * @param meetingsPerUser scheduled (listable or expired) meetings per hosting user
 * @param webinarsPerUser webinars per user holding a webinar licence
 * @param instancesPerMeeting mean number of past instances of a recurring meeting
 * @param participantsPerInstance mean number of distinct participants per instance
 * @param plan the account plan, which sets the rate limits
 * @param rates explicit per-label rates overriding the plan's, or null to use the plan's
 * @param tokenTtl lifetime of an access token ({@code expires_in})
 * @param missingScopes granted scopes to drop from the app (to test 4711)
 * @param port TCP port on 127.0.0.1, 0 for any free port
 * @param faults random faults applied from the start (more can be set at runtime)
 * @param retryAfterOnQps whether a per-second 429 carries {@code Retry-After} in seconds
 * @param start the simulated "now" at start, or null for the real time; the data is anchored at
 *     this instant truncated to the day
 */
public record SimulatorSettings(
    long seed,
    int users,
    int meetingsPerUser,
    int webinarsPerUser,
    int instancesPerMeeting,
    int participantsPerInstance,
    Plan plan,
    RateLimits rates,
    Duration tokenTtl,
    Set<String> missingScopes,
    int port,
    FaultSettings faults,
    boolean retryAfterOnQps,
    Instant start) {

  /** Most users the id scheme can encode. */
  public static final int MAX_USERS = 1_000_000;

  /** Most meetings (or webinars) per user the id scheme can encode. */
  public static final int MAX_PER_USER = 800;

  public SimulatorSettings {
    if (users < 1 || users > MAX_USERS) {
      throw new IllegalArgumentException("users must be between 1 and " + MAX_USERS + ".");
    }
    if (meetingsPerUser < 0 || meetingsPerUser > MAX_PER_USER) {
      throw new IllegalArgumentException("meetingsPerUser must be between 0 and 800.");
    }
    if (webinarsPerUser < 0 || webinarsPerUser > MAX_PER_USER) {
      throw new IllegalArgumentException("webinarsPerUser must be between 0 and 800.");
    }
    if (instancesPerMeeting < 0 || instancesPerMeeting > 5_000) {
      throw new IllegalArgumentException("instancesPerMeeting must be between 0 and 5000.");
    }
    if (participantsPerInstance < 1 || participantsPerInstance > 10_000) {
      throw new IllegalArgumentException("participantsPerInstance must be between 1 and 10000.");
    }
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(tokenTtl, "tokenTtl");
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("tokenTtl must be positive.");
    }
    missingScopes = Set.copyOf(Objects.requireNonNullElse(missingScopes, Set.of()));
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535.");
    }
    faults = Objects.requireNonNullElse(faults, FaultSettings.NONE);
  }

  /** Defaults: seed 42, 20 users, 3 meetings and 1 webinar each, unlimited plan, any port. */
  public static SimulatorSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rates in force: the explicit ones when given, else the plan's. */
  public RateLimits effectiveRates() {
    return rates != null ? rates : plan.limits();
  }

  /** A builder holding this record's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.users = users;
    b.meetingsPerUser = meetingsPerUser;
    b.webinarsPerUser = webinarsPerUser;
    b.instancesPerMeeting = instancesPerMeeting;
    b.participantsPerInstance = participantsPerInstance;
    b.plan = plan;
    b.rates = rates;
    b.tokenTtl = tokenTtl;
    b.missingScopes = missingScopes;
    b.port = port;
    b.faults = faults;
    b.retryAfterOnQps = retryAfterOnQps;
    b.start = start;
    return b;
  }

  public SimulatorSettings withSeed(long value) {
    return toBuilder().seed(value).build();
  }

  public SimulatorSettings withUsers(int value) {
    return toBuilder().users(value).build();
  }

  public SimulatorSettings withPlan(Plan value) {
    return toBuilder().plan(value).build();
  }

  public SimulatorSettings withRates(RateLimits value) {
    return toBuilder().rates(value).build();
  }

  public SimulatorSettings withTokenTtl(Duration value) {
    return toBuilder().tokenTtl(value).build();
  }

  public SimulatorSettings withMissingScopes(Set<String> value) {
    return toBuilder().missingScopes(value).build();
  }

  public SimulatorSettings withStart(Instant value) {
    return toBuilder().start(value).build();
  }

  public SimulatorSettings withFaults(FaultSettings value) {
    return toBuilder().faults(value).build();
  }

  /** Builds {@link SimulatorSettings}; every field starts at its default. */
  public static final class Builder {
    private long seed = 42;
    private int users = 20;
    private int meetingsPerUser = 3;
    private int webinarsPerUser = 1;
    private int instancesPerMeeting = 8;
    private int participantsPerInstance = 5;
    private Plan plan = Plan.UNLIMITED;
    private RateLimits rates;
    private Duration tokenTtl = Duration.ofSeconds(3599);
    private Set<String> missingScopes = Set.of();
    private int port;
    private FaultSettings faults = FaultSettings.NONE;
    private boolean retryAfterOnQps = true;
    private Instant start;

    private Builder() {}

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder users(int value) {
      users = value;
      return this;
    }

    public Builder meetingsPerUser(int value) {
      meetingsPerUser = value;
      return this;
    }

    public Builder webinarsPerUser(int value) {
      webinarsPerUser = value;
      return this;
    }

    public Builder instancesPerMeeting(int value) {
      instancesPerMeeting = value;
      return this;
    }

    public Builder participantsPerInstance(int value) {
      participantsPerInstance = value;
      return this;
    }

    public Builder plan(Plan value) {
      plan = value;
      return this;
    }

    public Builder rates(RateLimits value) {
      rates = value;
      return this;
    }

    public Builder tokenTtl(Duration value) {
      tokenTtl = value;
      return this;
    }

    public Builder missingScopes(Set<String> value) {
      missingScopes = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder faults(FaultSettings value) {
      faults = value;
      return this;
    }

    public Builder retryAfterOnQps(boolean value) {
      retryAfterOnQps = value;
      return this;
    }

    public Builder start(Instant value) {
      start = value;
      return this;
    }

    public SimulatorSettings build() {
      return new SimulatorSettings(
          seed,
          users,
          meetingsPerUser,
          webinarsPerUser,
          instancesPerMeeting,
          participantsPerInstance,
          plan,
          rates,
          tokenTtl,
          missingScopes,
          port,
          faults,
          retryAfterOnQps,
          start);
    }
  }
}
