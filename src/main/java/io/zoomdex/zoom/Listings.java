package io.zoomdex.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoom's paginated listings: follows {@code next_page_token} to the last page at the largest page
 * size, and starts a listing again when Zoom lets its page token expire mid-way.
 */
final class Listings {
  // Logs under ZoomClient's name so existing logging configuration keeps covering these calls.
  private static final Logger LOG = LoggerFactory.getLogger(ZoomClient.class);
  private static final int MAX_LISTING_RESTARTS = 3;

  private final ZoomExchange exchange;
  private final ZoomReaders readers;
  private final ZoomCallStats stats;

  Listings(ZoomExchange exchange, ZoomReaders readers, ZoomCallStats stats) {
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.readers = Objects.requireNonNull(readers, "readers");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /** One page of a listing. */
  record Page<T>(List<T> items, String nextPageToken) {}

  /**
   * Every item of a listing ({@code fixedQuery} without paging parameters, empty for none); an
   * endpoint without paging is read in one call.
   *
   * @throws ZoomException when a call fails for good or the page token keeps expiring
   */
  <T> List<T> listAll(Endpoint endpoint, String path, String fixedQuery, Class<T> type) {
    if (endpoint.maxPageSize() == 0) {
      return firstPage(endpoint, path, fixedQuery, type);
    }
    for (int restarts = 0; ; restarts++) {
      try {
        return collectPages(endpoint, path, fixedQuery, type);
      } catch (ZoomExchange.PageTokenExpired e) {
        if (restarts >= MAX_LISTING_RESTARTS) {
          throw new ZoomException(
              ZoomException.Reason.UNAVAILABLE,
              400,
              300,
              "Zoom's next page token for GET "
                  + path
                  + " expired "
                  + (restarts + 1)
                  + " times while listing; the listing is too slow to finish within Zoom's 15"
                  + " minutes, so lower the load on the account or raise --rate-share.",
              List.of(),
              null,
              null);
        }
        stats.recordListingRestart();
        LOG.debug("GET {}: page token expired, restarting the listing from the first page", path);
      }
    }
  }

  /**
   * Only the items of the first page that {@code query} (empty for none) asks for, as probes need.
   *
   * @throws ZoomException when the call fails for good
   */
  <T> List<T> firstPage(Endpoint endpoint, String path, String query, Class<T> type) {
    return exchange.get(endpoint, path, query, pageReader(endpoint, type)).items();
  }

  /**
   * One pass over every page from the first.
   *
   * @throws ZoomExchange.PageTokenExpired when Zoom let a page token expire; the caller restarts
   */
  private <T> List<T> collectPages(
      Endpoint endpoint, String path, String fixedQuery, Class<T> type) {
    List<T> all = new ArrayList<>();
    String token = null;
    Function<HttpResponse<byte[]>, Page<T>> reader = pageReader(endpoint, type);
    do {
      StringBuilder query = new StringBuilder(fixedQuery);
      if (query.length() > 0) {
        query.append('&');
      }
      query.append("page_size=").append(endpoint.maxPageSize());
      if (token != null) {
        query.append("&next_page_token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
      }
      Page<T> page;
      try {
        page = exchange.get(endpoint, path, query.toString(), reader);
      } catch (ZoomExchange.PageTokenExpired e) {
        if (token == null) {
          throw new ZoomException(
              ZoomException.Reason.OTHER,
              400,
              300,
              "Zoom rejected a page token for GET "
                  + path
                  + " that zoomdex never sent; report this.");
        }
        throw e;
      }
      all.addAll(page.items());
      String next = page.nextPageToken();
      if (next != null && next.equals(token)) {
        throw new ZoomException(
            ZoomException.Reason.BAD_RESPONSE,
            200,
            0,
            "Zoom returned the same next page token twice for GET "
                + path
                + ", which would never end; try again later.");
      }
      token = next;
    } while (token != null);
    return all;
  }

  private <T> Function<HttpResponse<byte[]>, Page<T>> pageReader(Endpoint endpoint, Class<T> type) {
    return response -> {
      JsonNode root = readers.readObject(response.body());
      JsonNode items = root.get(endpoint.itemsField());
      List<T> list = new ArrayList<>();
      if (items != null && !items.isNull()) {
        if (!items.isArray()) {
          throw new ZoomExchange.UnreadableBody("'" + endpoint.itemsField() + "' is not a list");
        }
        for (JsonNode item : items) {
          list.add(
              readers.value(
                  item, type, "an item of '" + endpoint.itemsField() + "' has the wrong shape"));
        }
      }
      String next = root.path("next_page_token").asText("");
      return new Page<>(List.copyOf(list), next.isEmpty() ? null : next);
    };
  }
}
