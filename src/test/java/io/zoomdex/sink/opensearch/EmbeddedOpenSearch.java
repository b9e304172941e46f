package io.zoomdex.sink.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real single-node OpenSearch 2.19.6 in this JVM, from the Maven Central jars, with the k-NN
 * plugin ({@link KnnPluginJars}), on 127.0.0.1 with random ports and its own temporary home. {@link
 * #close()} stops it and deletes its home.
 */
public final class EmbeddedOpenSearch implements AutoCloseable {

  /** Node's plugin constructor is protected. */
  private static final class PluginNode extends Node {
    PluginNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
      super(
          InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "node-1"),
          plugins,
          true);
    }
  }

  private final Path home;
  private final Node node;
  private final URI uri;

  private EmbeddedOpenSearch(Path home, Node node, URI uri) {
    this.home = home;
    this.node = node;
    this.uri = uri;
  }

  /** Starts a node with the k-NN plugin and waits until its HTTP port is bound. */
  public static EmbeddedOpenSearch start() throws Exception {
    return start(true);
  }

  /**
   * Starts a node, with or without the k-NN plugin (without: a cluster zoomdex must refuse to put
   * vectors in), and waits until its HTTP port is bound.
   */
  public static EmbeddedOpenSearch start(boolean withKnn) throws Exception {
    Path home = Files.createTempDirectory("zoomdex-opensearch");
    Settings settings =
        Settings.builder()
            .put("cluster.name", "zoomdex-test")
            .put("node.name", "node-1")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", "0")
            .put("transport.port", "0")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // Small caches: the node shares the test JVM's heap.
            .put("indices.queries.cache.size", "5%")
            .put("indices.fielddata.cache.size", "5%")
            .build();
    List<Class<? extends Plugin>> plugins =
        withKnn
            ? List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, KnnPluginJars.load())
            : List.of(Netty4Plugin.class, CommonAnalysisPlugin.class);
    Node node = new PluginNode(settings, plugins);
    try {
      node.start();
    } catch (Exception e) {
      node.close();
      deleteTree(home);
      throw e;
    }
    int port =
        node.injector()
            .getInstance(HttpServerTransport.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    return new EmbeddedOpenSearch(home, node, URI.create("http://127.0.0.1:" + port));
  }

  /** The node's HTTP base URL. */
  public URI uri() {
    return uri;
  }

  @Override
  public void close() throws Exception {
    try {
      node.close();
      node.awaitClose(30, TimeUnit.SECONDS);
    } finally {
      deleteTree(home);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
