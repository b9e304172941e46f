package io.zoomdex.search.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The web page's files, read once from {@code /web/} on the classpath and served from memory. */
final class StaticPage {

  /** Path served, file on the classpath, content type. */
  private static final String[][] FILES = {
    {"/", "index.html", "text/html; charset=utf-8"},
    {"/app.js", "app.js", "text/javascript; charset=utf-8"},
    {"/app.css", "app.css", "text/css; charset=utf-8"},
    {"/favicon.svg", "favicon.svg", "image/svg+xml"},
    // The admin page: a shell without data; its script asks the admin routes with the token.
    {"/admin", "admin.html", "text/html; charset=utf-8"},
    {"/admin.js", "admin.js", "text/javascript; charset=utf-8"},
    {"/admin.css", "admin.css", "text/css; charset=utf-8"}
  };

  private final Map<String, Asset> assets;

  private StaticPage(Map<String, Asset> assets) {
    this.assets = Map.copyOf(assets);
  }

  /**
   * Loads every file of the page.
   *
   * @throws UncheckedIOException when one is missing from the jar (a packaging bug)
   */
  static StaticPage load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    for (String[] file : FILES) {
      String resource = "/web/" + file[1];
      try (InputStream in = StaticPage.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException(resource + " is missing from the classpath");
        }
        assets.put(
            file[0], new Asset(new String(in.readAllBytes(), StandardCharsets.UTF_8), file[2]));
      } catch (IOException e) {
        throw new UncheckedIOException("The web page could not be loaded: " + e.getMessage(), e);
      }
    }
    return new StaticPage(assets);
  }

  Iterable<String> paths() {
    return assets.keySet();
  }

  Optional<Asset> asset(String path) {
    return Optional.ofNullable(assets.get(path));
  }

  /** One file's text and content type. */
  record Asset(String body, String contentType) {}
}
