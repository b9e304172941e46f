package io.zoomdex.config;

import java.nio.file.Path;

/**
 * The Zoom settings given on the command line; any may be null (not given). Flags win over the
 * environment, which wins over the config file.
 */
public record ZoomFlags(
    String accountId,
    String clientId,
    String clientSecret,
    String apiUrl,
    String oauthUrl,
    String plan,
    String rateShare,
    String concurrency,
    String rates,
    Path configFile) {

  /** No flags given. */
  public static ZoomFlags none() {
    return new ZoomFlags(null, null, null, null, null, null, null, null, null, null);
  }
}
