package io.zoomdex.sink.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the cluster and how to write to it, validated when built.
 *
 * @param nodes base URLs of one or more nodes ({@code http} or {@code https}, no path)
 * @param credentials how to sign in
 * @param caCertificate a PEM file of CA certificates to trust for {@code https}, or null for the
 *     JVM's default trust store
 * @param alias the alias zoomdex reads and writes through; concrete indices are {@code alias-N}
 * @param bulkMaxActions most changes in one bulk request
 * @param bulkMaxBytes most bytes in one bulk request body
 * @param maxAttempts how often one bulk or refresh is tried before giving up (at least 1)
 * @param firstBackoff the wait before the second attempt; doubles each time, at most {@link
 *     #MAX_BACKOFF}
 */
public record OpenSearchSettings(
    List<URI> nodes,
    OpenSearchCredentials credentials,
    Path caCertificate,
    String alias,
    int bulkMaxActions,
    long bulkMaxBytes,
    int maxAttempts,
    Duration firstBackoff) {

  /** The alias when none is given. */
  public static final String DEFAULT_ALIAS = "zoomdex";

  /** The longest wait between two attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  // OpenSearch index names: lower case, no spaces or \/*?"<>|,# and not starting with - _ +.
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

  public OpenSearchSettings {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("Give at least one --opensearch-url.");
    }
    for (URI node : nodes) {
      String scheme = node.getScheme() == null ? "" : node.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || node.getHost() == null) {
        throw new IllegalArgumentException(
            "The OpenSearch URL '"
                + node
                + "' is not an http(s) URL like https://search.example.com:9200.");
      }
      if (node.getUserInfo() != null) {
        throw new IllegalArgumentException(
            "Put OpenSearch credentials in OPENSEARCH_USERNAME/OPENSEARCH_PASSWORD or"
                + " OPENSEARCH_API_KEY, not in the URL.");
      }
    }
    Objects.requireNonNull(credentials, "credentials");
    if (alias == null || !INDEX_NAME.matcher(alias).matches()) {
      throw new IllegalArgumentException(
          "The index alias '"
              + alias
              + "' is not a valid OpenSearch index name (lower case letters, digits, . _ -).");
    }
    if (bulkMaxActions < 1) {
      throw new IllegalArgumentException("bulkMaxActions must be positive: " + bulkMaxActions);
    }
    if (bulkMaxBytes < 1024) {
      throw new IllegalArgumentException("bulkMaxBytes must be at least 1024: " + bulkMaxBytes);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (firstBackoff == null || firstBackoff.isNegative()) {
      throw new IllegalArgumentException("firstBackoff must not be negative: " + firstBackoff);
    }
  }

  /**
   * Defaults for these nodes: no credentials, the default trust store, alias {@value
   * #DEFAULT_ALIAS}, bulks of at most 1,000 changes or 5 MiB, 6 attempts from 200 ms.
   */
  public static OpenSearchSettings of(List<URI> nodes) {
    return new OpenSearchSettings(
        nodes,
        OpenSearchCredentials.NONE,
        null,
        DEFAULT_ALIAS,
        1_000,
        5L * 1024 * 1024,
        6,
        Duration.ofMillis(200));
  }

  public OpenSearchSettings withCredentials(OpenSearchCredentials newCredentials) {
    return new OpenSearchSettings(
        nodes,
        newCredentials,
        caCertificate,
        alias,
        bulkMaxActions,
        bulkMaxBytes,
        maxAttempts,
        firstBackoff);
  }

  public OpenSearchSettings withCaCertificate(Path newCaCertificate) {
    return new OpenSearchSettings(
        nodes,
        credentials,
        newCaCertificate,
        alias,
        bulkMaxActions,
        bulkMaxBytes,
        maxAttempts,
        firstBackoff);
  }

  public OpenSearchSettings withAlias(String newAlias) {
    return new OpenSearchSettings(
        nodes,
        credentials,
        caCertificate,
        newAlias,
        bulkMaxActions,
        bulkMaxBytes,
        maxAttempts,
        firstBackoff);
  }

  public OpenSearchSettings withBulkLimits(int newMaxActions, long newMaxBytes) {
    return new OpenSearchSettings(
        nodes,
        credentials,
        caCertificate,
        alias,
        newMaxActions,
        newMaxBytes,
        maxAttempts,
        firstBackoff);
  }

  public OpenSearchSettings withRetries(int newMaxAttempts, Duration newFirstBackoff) {
    return new OpenSearchSettings(
        nodes,
        credentials,
        caCertificate,
        alias,
        bulkMaxActions,
        bulkMaxBytes,
        newMaxAttempts,
        newFirstBackoff);
  }
}
