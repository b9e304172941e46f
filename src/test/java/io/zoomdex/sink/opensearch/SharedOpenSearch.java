package io.zoomdex.sink.opensearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link EmbeddedOpenSearch} for the whole test run, the first time a test asks for it
 * (as a constructor or method parameter), and stops it when the run ends (JUnit closes the root
 * store's resources). Tests keep apart by using their own index alias.
 */
public final class SharedOpenSearch implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedOpenSearch.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedOpenSearch.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("node", key -> startNode(), Running.class)
        .node();
  }

  private static Running startNode() {
    try {
      return new Running(EmbeddedOpenSearch.start());
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the embedded OpenSearch node", e);
    }
  }

  /** Closed by JUnit at the end of the run (JUnit closes AutoCloseable store values). */
  private record Running(EmbeddedOpenSearch node) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      node.close();
    }
  }
}
