package io.zoomdex.search.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A header a fronting SSO proxy sets to the signed-in person's email. Believed only on requests
 * whose TCP peer is the proxy itself (never {@code X-Forwarded-For} or any other header); from
 * anyone else it is ignored and a token is required.
 *
 * @param headerName the header, e.g. {@code X-Forwarded-Email}
 * @param proxyAddress the proxy's address as the server sees the connection come from
 */
public record TrustedIdentityHeader(String headerName, InetAddress proxyAddress) {

  private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  public TrustedIdentityHeader {
    Objects.requireNonNull(headerName, "headerName");
    Objects.requireNonNull(proxyAddress, "proxyAddress");
    headerName = headerName.strip();
    if (!TOKEN_CHARS.matcher(headerName).matches()) {
      throw new IllegalArgumentException(
          "'" + headerName + "' is not a valid HTTP header name; use one like X-Forwarded-Email.");
    }
    if (headerName.toLowerCase(Locale.ROOT).equals("authorization")) {
      throw new IllegalArgumentException(
          "The trusted identity header cannot be Authorization; name the header your proxy sets.");
    }
  }
}
