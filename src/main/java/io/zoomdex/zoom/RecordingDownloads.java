package io.zoomdex.zoom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads of recording files' text (WebVTT transcripts) from their {@code download_url}. Follows
 * redirects itself, so the access token only goes to the download URL's own origin and never to the
 * storage host it redirects to.
 */
final class RecordingDownloads {
  private static final int MAX_REDIRECTS = 5;

  private final ZoomExchange exchange;

  RecordingDownloads(ZoomExchange exchange) {
    this.exchange = Objects.requireNonNull(exchange, "exchange");
  }

  /**
   * The file at {@code downloadUrl} as UTF-8 text, after at most {@value #MAX_REDIRECTS} redirects.
   *
   * @throws IllegalArgumentException when the URL is not absolute
   * @throws ZoomException when the download fails for good or redirects too often
   */
  String downloadText(String downloadUrl) {
    URI origin = URI.create(downloadUrl);
    if (origin.getScheme() == null || origin.getHost() == null) {
      throw new IllegalArgumentException("not an absolute download URL");
    }
    URI current = origin;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      URI target = current;
      boolean sameOrigin = sameOrigin(origin, target);
      String call =
          "GET " + target.getScheme() + "://" + target.getAuthority() + target.getRawPath();
      Download download =
          exchange.exchange(
              Endpoint.RECORDING_DOWNLOAD,
              token -> target,
              call,
              sameOrigin,
              true,
              response -> {
                if (response.statusCode() >= 300) {
                  Optional<String> location = response.headers().firstValue("Location");
                  if (location.isEmpty()) {
                    throw new ZoomExchange.UnreadableBody("a redirect without a Location header");
                  }
                  return new Download(null, location.get());
                }
                return new Download(new String(response.body(), StandardCharsets.UTF_8), null);
              });
      if (download.text() != null) {
        return download.text();
      }
      current = target.resolve(download.location());
    }
    throw new ZoomException(
        ZoomException.Reason.OTHER,
        0,
        0,
        "The recording download at "
            + origin.getHost()
            + origin.getRawPath()
            + " redirected more than "
            + MAX_REDIRECTS
            + " times; check the recording in the Zoom web portal.");
  }

  /** One hop's outcome: the text, or where a redirect points. */
  private record Download(String text, String location) {}

  /**
   * Whether both URIs share scheme, host and (default-filled) port: only then is the token sent.
   */
  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
