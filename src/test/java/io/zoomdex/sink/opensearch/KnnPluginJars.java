package io.zoomdex.sink.opensearch;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.PostingsFormat;
import org.opensearch.plugins.Plugin;

/**
 * The OpenSearch k-NN plugin for the test node, loaded from the jars the build unpacks from its
 * Maven Central zip (system property {@code opensearch.knn.dir}). Its class loader asks the test
 * class path first, so the plugin shares OpenSearch, Lucene, Guava and JNA with the node and brings
 * only what the class path lacks (oshi, jna-platform). Lucene finds codecs by name through SPI, so
 * the plugin's codecs are registered with Lucene before the node opens an index.
 */
final class KnnPluginJars {

  private static final String PLUGIN_CLASS = "org.opensearch.knn.plugin.KNNPlugin";

  private KnnPluginJars() {}

  /** The plugin's main class, with its codecs registered in Lucene. */
  static Class<? extends Plugin> load() throws IOException, ClassNotFoundException {
    String dir = System.getProperty("opensearch.knn.dir", "target/opensearch-knn");
    ClassLoader loader =
        new URLClassLoader(
            "opensearch-knn", jars(Path.of(dir)), KnnPluginJars.class.getClassLoader());
    Codec.reloadCodecs(loader);
    PostingsFormat.reloadPostingsFormats(loader);
    DocValuesFormat.reloadDocValuesFormats(loader);
    KnnVectorsFormat.reloadKnnVectorsFormat(loader);
    return Class.forName(PLUGIN_CLASS, true, loader).asSubclass(Plugin.class);
  }

  private static URL[] jars(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          "The k-NN plugin is not unpacked in " + dir + ": run the build's test phase (mvn test)");
    }
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(toUrl(jar));
      }
    }
    return urls.toArray(URL[]::new);
  }

  private static URL toUrl(Path jar) throws MalformedURLException {
    return jar.toUri().toURL();
  }
}
