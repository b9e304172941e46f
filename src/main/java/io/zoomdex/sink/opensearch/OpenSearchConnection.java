package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * One connection pool to the cluster (opensearch-java's httpclient5 transport, which spreads
 * requests over the nodes and skips dead ones), speaking plain REST with JSON bodies built by
 * Jackson. Requests go through the client's generic API: the bodies are then exactly what the
 * OpenSearch REST documentation shows, and bulk bodies can be bounded by their real byte size.
 * Thread-safe.
 */
public final class OpenSearchConnection implements Closeable {

  static final String JSON = "application/json";

  private final ObjectMapper json = new ObjectMapper();
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;
  private final String description;

  private OpenSearchConnection(ApacheHttpClient5Transport transport, String description) {
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
    this.description = description;
  }

  /**
   * Opens a pool to the nodes in {@code settings}; nothing is sent yet.
   *
   * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
   */
  public static OpenSearchConnection open(OpenSearchSettings settings) {
    HttpHost[] hosts =
        settings.nodes().stream().map(OpenSearchConnection::host).toArray(HttpHost[]::new);
    ApacheHttpClient5TransportBuilder builder =
        ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(new JacksonJsonpMapper());
    settings
        .credentials()
        .authorizationHeader()
        .ifPresent(
            value ->
                builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", value)}));
    if (settings.caCertificate() != null) {
      SSLContext ssl = trusting(settings.caCertificate());
      builder.setHttpClientConfigCallback(
          http ->
              http.setConnectionManager(
                  PoolingAsyncClientConnectionManagerBuilder.create()
                      .setTlsStrategy(
                          ClientTlsStrategyBuilder.create().setSslContext(ssl).buildAsync())
                      .build()));
    }
    List<String> urls = settings.nodes().stream().map(URI::toString).toList();
    return new OpenSearchConnection(builder.build(), String.join(", ", urls));
  }

  /** The nodes, for messages (never holds credentials: URLs with user info are rejected). */
  public String description() {
    return description;
  }

  /**
   * Sends one JSON request.
   *
   * @param body the request body, or null for none
   * @return the status and parsed body, whatever the status
   * @throws IOException when no node answered (connection refused, reset, timed out)
   */
  public Answer send(String method, String endpoint, JsonNode body) throws IOException {
    return send(
        method, endpoint, Map.of(), body == null ? null : json.writeValueAsBytes(body), JSON);
  }

  /**
   * Sends one request with a raw body (e.g. bulk NDJSON).
   *
   * @param query query-string parameters
   * @param body the body bytes, or null for none
   * @param contentType the body's media type
   * @return the status and parsed body, whatever the status
   * @throws IOException when no node answered
   */
  public Answer send(
      String method, String endpoint, Map<String, String> query, byte[] body, String contentType)
      throws IOException {
    Requests.JsonBodyBuilder request =
        Requests.builder().method(method).endpoint(endpoint).query(query);
    if (body != null) {
      request.body(Body.from(body, contentType));
    }
    Request built = request.build();
    try (Response response = client.execute(built)) {
      JsonNode parsed = MissingNode.getInstance();
      if (response.getBody().isPresent()) {
        try (Body answer = response.getBody().get();
            InputStream in = answer.body()) {
          byte[] bytes = in.readAllBytes();
          if (bytes.length > 0) {
            parsed = json.readTree(bytes);
          }
        }
      }
      return new Answer(response.getStatus(), parsed);
    } catch (ResponseException refused) {
      // The transport throws for some error statuses (e.g. 409) instead of returning them.
      return new Answer(refused.status(), errorBody(refused.getMessage()));
    }
  }

  /** The JSON body the transport appends to its message after the status line, if any. */
  private JsonNode errorBody(String message) {
    int start = message == null ? -1 : message.indexOf('\n');
    if (start < 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode parsed = json.readTree(message.substring(start + 1));
      return parsed == null ? MissingNode.getInstance() : parsed;
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** The JSON mapper requests are built with. */
  public ObjectMapper json() {
    return json;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }

  private static HttpHost host(URI node) {
    int port = node.getPort() >= 0 ? node.getPort() : 9200;
    return new HttpHost(node.getScheme(), node.getHost(), port);
  }

  /** An SSL context trusting exactly the certificates in a PEM file. */
  static SSLContext trusting(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "The CA file "
                + pemFile
                + " holds no certificate; give a PEM file of CA certificates.");
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      List<Certificate> list = new ArrayList<>(certificates);
      for (int i = 0; i < list.size(); i++) {
        trust.setCertificateEntry("ca-" + i, list.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Could not read the CA file "
              + pemFile
              + " ("
              + e.getMessage()
              + "); give a readable PEM file of CA certificates.",
          e);
    }
  }

  /**
   * One answer from the cluster.
   *
   * @param status the HTTP status
   * @param body the parsed JSON body; a missing node when there was none
   */
  public record Answer(int status, JsonNode body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Whether trying again later may succeed: too many requests, or a server-side failure. */
    public boolean retryable() {
      return status == 429 || status >= 500;
    }

    /**
     * OpenSearch's error type and reason, e.g. {@code index_not_found_exception: no such index}.
     */
    public String error() {
      JsonNode error = body.path("error");
      if (error.isTextual()) {
        return error.asText();
      }
      String type = error.path("type").asText("");
      String reason = error.path("reason").asText("");
      return type.isEmpty() && reason.isEmpty() ? "HTTP " + status : type + ": " + reason;
    }

    public String errorType() {
      return body.path("error").path("type").asText("");
    }
  }
}
