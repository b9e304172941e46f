package io.zoomdex.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link ZoomSettings} from flags, the environment and a properties file, in that order of
 * precedence. Every missing or malformed setting gives a {@link ConfigException} whose message
 * names the setting (as the user wrote it) and how to fix it.
 */
public final class ZoomSettingsLoader {
  /** Every key a --config file may hold; any other is a typo that would otherwise go unnoticed. */
  private static final Set<String> FILE_KEYS = fileKeys();

  private static Set<String> fileKeys() {
    Set<String> keys =
        new TreeSet<>(
            Set.of(
                "zoom.account_id",
                "zoom.client_id",
                "zoom.client_secret",
                "zoom.api_url",
                "zoom.oauth_url",
                "zoom.plan",
                "zoom.rate_share",
                "zoom.concurrency",
                "zoom.rates",
                "zoom.webhook_secret"));
    keys.addAll(EmbeddingFileSettings.KEYS);
    keys.addAll(CrawlSettingsLoader.fileKeys());
    return keys;
  }

  private final Map<String, String> environment;

  /**
   * @param environment the process environment ({@code System.getenv()}), injectable for tests
   */
  public ZoomSettingsLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Resolves every setting; throws {@link ConfigException} on the first problem. */
  public ZoomSettings load(ZoomFlags flags) {
    Properties file = readFile(flags);
    Sources sources = new Sources(flags, environment, file);
    sources.requireAll(
        new String[][] {
          {flags.accountId(), "ZOOM_ACCOUNT_ID", "zoom.account_id", "--account-id"},
          {flags.clientId(), "ZOOM_CLIENT_ID", "zoom.client_id", "--client-id"},
          {flags.clientSecret(), "ZOOM_CLIENT_SECRET", "zoom.client_secret", "--client-secret"}
        });

    Value accountId =
        sources.required(
            flags.accountId(),
            "ZOOM_ACCOUNT_ID",
            "zoom.account_id",
            "--account-id",
            "the Zoom account ID",
            "copy it from the App Credentials page of the Server-to-Server OAuth app");
    Value clientId =
        sources.required(
            flags.clientId(),
            "ZOOM_CLIENT_ID",
            "zoom.client_id",
            "--client-id",
            "the Zoom client ID",
            "copy it from the App Credentials page of the Server-to-Server OAuth app");
    Value secret =
        sources.required(
            flags.clientSecret(),
            "ZOOM_CLIENT_SECRET",
            "zoom.client_secret",
            "--client-secret",
            "the Zoom client secret",
            "copy it from the App Credentials page of the Server-to-Server OAuth app (the"
                + " environment is safer than the command line)");

    Value apiUrl = sources.optional(flags.apiUrl(), "ZOOM_API_URL", "zoom.api_url", "--api-url");
    Value oauthUrl =
        sources.optional(flags.oauthUrl(), "ZOOM_OAUTH_URL", "zoom.oauth_url", "--oauth-url");
    Value plan = sources.optional(flags.plan(), "ZOOM_PLAN", "zoom.plan", "--plan");
    Value share =
        sources.optional(flags.rateShare(), "ZOOM_RATE_SHARE", "zoom.rate_share", "--rate-share");
    Value concurrency =
        sources.optional(
            flags.concurrency(), "ZOOM_CONCURRENCY", "zoom.concurrency", "--concurrency");
    Value rates = sources.optional(flags.rates(), "ZOOM_RATES", "zoom.rates", "--rates");

    ZoomSettings settings =
        ZoomSettings.defaults(accountId.text(), clientId.text(), Secret.of(secret.text()));
    URI oauth = oauthUrl.isSet() ? url(oauthUrl) : ZoomSettings.DEFAULT_OAUTH_URL;
    settings =
        apiUrl.isSet()
            ? settings.withEndpoints(url(apiUrl), oauth)
            : settings.withDefaultApiUrl(ZoomSettings.DEFAULT_API_URL, oauth);

    Plan chosenPlan = plan.isSet() ? Plan.parse(plan.text(), plan.name()) : Plan.PRO;
    double chosenShare = share.isSet() ? rateShare(share) : ZoomSettings.DEFAULT_RATE_SHARE;
    RateLimits limits =
        rates.isSet() ? explicitRates(rates) : RateLimits.forPlan(chosenPlan, chosenShare);
    settings = settings.withRateLimits(limits);
    if (concurrency.isSet()) {
      settings = settings.withConcurrency(concurrency(concurrency));
    }
    return settings;
  }

  /**
   * The webhook secret token, from {@code ZOOM_WEBHOOK_SECRET} or {@code zoom.webhook_secret} in
   * the --config file; empty when neither is set (webhooks are then off).
   *
   * @throws ConfigException when the config file cannot be read
   */
  public Optional<Secret> webhookSecret(ZoomFlags flags) {
    Value secret =
        new Sources(flags, environment, readFile(flags))
            .optional(null, "ZOOM_WEBHOOK_SECRET", "zoom.webhook_secret", "ZOOM_WEBHOOK_SECRET");
    return secret.isSet() ? Optional.of(Secret.of(secret.text().strip())) : Optional.empty();
  }

  private static Properties readFile(ZoomFlags flags) {
    if (flags.configFile() == null) {
      return new Properties();
    }
    return readCheckedFile(flags.configFile()).properties();
  }

  /**
   * Reads a --config file and refuses a key no setting has.
   *
   * @throws ConfigException naming the file (and the line) as {@link ConfigFile#read} does, or the
   *     line of an unknown key
   */
  static ConfigFile readCheckedFile(java.nio.file.Path path) {
    ConfigFile config = ConfigFile.read(path);
    for (String key : config.properties().stringPropertyNames()) {
      // identity.* keys belong to identity mapping, which checks them itself.
      if (!FILE_KEYS.contains(key) && !key.startsWith("identity.")) {
        throw new ConfigException(
            "The config file "
                + path
                + config.lineOf(key).map(line -> ", line " + line + ",").orElse("")
                + " has an unknown key '"
                + key
                + "'; the keys it may hold are "
                + String.join(", ", FILE_KEYS)
                + ".");
      }
    }
    return config;
  }

  private static URI url(Value value) {
    String hint =
        "; give an absolute http or https URL such as "
            + (value.name().toLowerCase(Locale.ROOT).contains("oauth")
                ? ZoomSettings.DEFAULT_OAUTH_URL
                : ZoomSettings.DEFAULT_API_URL)
            + ".";
    try {
      URI uri = new URI(value.text().trim());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new ConfigException(
            "The setting "
                + value.name()
                + " is '"
                + value.text()
                + "', which is not a URL"
                + hint);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(
          "The setting " + value.name() + " is '" + value.text() + "', which is not a URL" + hint,
          e);
    }
  }

  private static double rateShare(Value value) {
    double share = number(value, "a number between 0 and 1, such as 0.8");
    if (!(share > 0 && share <= 1)) {
      throw new ConfigException(
          "The setting "
              + value.name()
              + " is '"
              + value.text()
              + "' but must be a number above 0 and at most 1, such as 0.8 (the share of the"
              + " account's rate limit zoomdex may use).");
    }
    return share;
  }

  private static int concurrency(Value value) {
    try {
      int count = Integer.parseInt(value.text().trim());
      if (count >= 1 && count <= 64) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below with the same sentence
    }
    throw new ConfigException(
        "The setting "
            + value.name()
            + " is '"
            + value.text()
            + "' but must be a whole number from 1 to 64 (requests in flight at once).");
  }

  /** {@code unlimited}, or {@code light=N,medium=N,heavy=N} requests per second. */
  private static RateLimits explicitRates(Value value) {
    String text = value.text().trim();
    if (text.equalsIgnoreCase("unlimited")) {
      return RateLimits.none();
    }
    String fix =
        "' but must be 'unlimited' or per-second rates like light=20,medium=10,heavy=5 (every"
            + " label, each above 0).";
    Map<RateLabel, Double> rates = new EnumMap<>(RateLabel.class);
    for (String part : text.split(",", -1)) {
      String[] pair = part.split("=", -1);
      if (pair.length != 2) {
        throw new ConfigException("The setting " + value.name() + " is '" + text + fix);
      }
      try {
        RateLabel label = RateLabel.valueOf(pair[0].trim().toUpperCase(Locale.ROOT));
        double rate = Double.parseDouble(pair[1].trim());
        if (!(rate > 0) || Double.isInfinite(rate)) {
          throw new ConfigException("The setting " + value.name() + " is '" + text + fix);
        }
        rates.put(label, rate);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("The setting " + value.name() + " is '" + text + fix, e);
      }
    }
    if (rates.size() != RateLabel.values().length) {
      throw new ConfigException("The setting " + value.name() + " is '" + text + fix);
    }
    return new RateLimits(rates, Map.of(), false);
  }

  private static double number(Value value, String expected) {
    try {
      return Double.parseDouble(value.text().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "The setting "
              + value.name()
              + " is '"
              + value.text()
              + "' but must be "
              + expected
              + ".",
          e);
    }
  }

  /** A resolved setting and the name under which the user gave it. */
  private record Value(String text, String name) {
    boolean isSet() {
      return text != null;
    }
  }

  private record Sources(ZoomFlags flags, Map<String, String> env, Properties file) {
    Value optional(String flagValue, String envName, String fileKey, String flagName) {
      if (flagValue != null && !flagValue.isBlank()) {
        return new Value(flagValue, flagName);
      }
      String fromEnv = env.get(envName);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return new Value(fromEnv, "environment variable " + envName);
      }
      String fromFile = file.getProperty(fileKey);
      if (fromFile != null && !fromFile.isBlank()) {
        return new Value(fromFile.trim(), fileKey + " in " + flags.configFile());
      }
      return new Value(null, flagName);
    }

    /**
     * Names every missing credential in one sentence when more than one is missing (one alone gets
     * {@link #required}'s sentence), so a new user fixes them all in one go.
     *
     * @param settings per setting: flag value, environment variable, file key, flag name
     */
    void requireAll(String[][] settings) {
      java.util.List<String[]> missing = new java.util.ArrayList<>();
      for (String[] setting : settings) {
        if (!optional(setting[0], setting[1], setting[2], setting[3]).isSet()) {
          missing.add(setting);
        }
      }
      if (missing.size() < 2) {
        return;
      }
      throw new ConfigException(
          "The settings "
              + joined(missing, 1)
              + " are missing: set these environment variables, the keys "
              + joined(missing, 2)
              + " in the --config file, or the flags "
              + joined(missing, 3)
              + "; copy the values from the App Credentials page of the Server-to-Server OAuth"
              + " app.");
    }

    private static String joined(java.util.List<String[]> settings, int column) {
      java.util.List<String> names = settings.stream().map(s -> s[column]).toList();
      return String.join(", ", names.subList(0, names.size() - 1))
          + " and "
          + names.get(names.size() - 1);
    }

    Value required(
        String flagValue,
        String envName,
        String fileKey,
        String flagName,
        String what,
        String where) {
      Value value = optional(flagValue, envName, fileKey, flagName);
      if (!value.isSet()) {
        throw new ConfigException(
            "The setting "
                + envName
                + " ("
                + what
                + ") is missing: set the environment variable "
                + envName
                + ", the key "
                + fileKey
                + " in the --config file, or "
                + flagName
                + "; "
                + where
                + ".");
      }
      return value;
    }
  }
}
