package io.zoomdex.cli;

import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomFlags;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.config.ZoomSettingsLoader;
import io.zoomdex.zoom.ZoomClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The Zoom connection flags, as a picocli {@code @Mixin} for every command that talks to Zoom.
 * Flags win over the environment ({@code ZOOM_ACCOUNT_ID}, ...), which wins over the {@code
 * --config} file.
 */
public final class ZoomOptions {
  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "Zoom account ID (default: $ZOOM_ACCOUNT_ID or zoom.account_id).")
  String accountId;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "Server-to-Server OAuth client ID (default: $ZOOM_CLIENT_ID).")
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      description =
          "Client secret. Discouraged: other users can see command lines; the environment"
              + " variable ZOOM_CLIENT_SECRET or the config file is safer.")
  String clientSecret;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "Zoom REST base (default: $ZOOM_API_URL or https://api.zoom.us/v2).")
  String apiUrl;

  @Option(
      names = "--oauth-url",
      paramLabel = "URL",
      description = "Zoom OAuth host (default: $ZOOM_OAUTH_URL or https://zoom.us).")
  String oauthUrl;

  @Option(
      names = "--plan",
      paramLabel = "free|pro|business",
      description = "The account's plan, which sets Zoom's rate limits (default: pro).")
  String plan;

  @Option(
      names = "--rate-share",
      paramLabel = "0..1",
      description =
          "Share of the account's rate limit zoomdex may use; other apps share it (default: 0.8).")
  String rateShare;

  @Option(
      names = "--rates",
      paramLabel = "RATES",
      description =
          "Explicit requests per second, e.g. light=20,medium=10,heavy=5, or 'unlimited' (only"
              + " for the simulator); overrides --plan and --rate-share.")
  String rates;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Zoom requests in flight at once (default: 4).")
  String concurrency;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A Java properties file with zoom.account_id, zoom.client_id, ... keys.")
  Path configFile;

  /** The flags as given (null where not given). */
  public ZoomFlags flags() {
    return new ZoomFlags(
        accountId,
        clientId,
        clientSecret,
        apiUrl,
        oauthUrl,
        plan,
        rateShare,
        concurrency,
        rates,
        configFile);
  }

  /**
   * The resolved settings.
   *
   * @param environment the process environment, e.g. {@code System.getenv()}
   * @throws io.zoomdex.config.ConfigException when a setting is missing or malformed
   */
  public ZoomSettings settings(Map<String, String> environment) {
    return new ZoomSettingsLoader(environment).load(flags());
  }

  /**
   * The webhook secret token, or empty when webhooks are off.
   *
   * @param environment the process environment, e.g. {@code System.getenv()}
   * @throws io.zoomdex.config.ConfigException when the config file cannot be read
   */
  public Optional<Secret> webhookSecret(Map<String, String> environment) {
    return new ZoomSettingsLoader(environment).webhookSecret(flags());
  }

  /** A client for the settings, with its own HTTP client and the system clock. */
  public ZoomClient client(ZoomSettings settings) {
    return ZoomClient.create(settings);
  }
}
