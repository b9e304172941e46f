package io.zoomdex.sink.opensearch;

import io.zoomdex.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** How zoomdex signs in to the cluster: not at all, with a user and password, or an API key. */
public sealed interface OpenSearchCredentials {

  /** No credentials: a cluster without security, as in tests. */
  OpenSearchCredentials NONE = new Anonymous();

  /**
   * The {@code Authorization} header value to send with every request, or empty for none. The only
   * place the secret is revealed; never log it.
   */
  Optional<String> authorizationHeader();

  /** No {@code Authorization} header. */
  record Anonymous() implements OpenSearchCredentials {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.empty();
    }
  }

  /** HTTP basic authentication; {@code toString} masks the password. */
  record Basic(String username, Secret password) implements OpenSearchCredentials {
    public Basic {
      Objects.requireNonNull(password, "password");
      if (username == null || username.isBlank() || username.contains(":")) {
        throw new IllegalArgumentException(
            "The OpenSearch user name must be non-blank and contain no ':'.");
      }
    }

    @Override
    public Optional<String> authorizationHeader() {
      String pair = username + ":" + password.reveal();
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** An API key, sent as {@code Authorization: ApiKey <key>}; {@code toString} masks it. */
  record ApiKey(Secret key) implements OpenSearchCredentials {
    public ApiKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<String> authorizationHeader() {
      return Optional.of("ApiKey " + key.reveal());
    }
  }
}
