package io.zoomdex.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BERT-style sentence-embedding model run in this process by ONNX Runtime (through langchain4j's
 * {@code OnnxBertBiEncoder}): a model zoomdex knows by name ({@link OnnxModel}, loaded from the
 * class path) or an operator's {@code model.onnx} and {@code tokenizer.json} from disk.
 *
 * <p>The ONNX session runs on one intra-op thread: ONNX Runtime's default spins one thread per
 * core, which on a small machine fights every other thread; {@code PassageVectors} runs several
 * embeddings in parallel on its own bounded pool instead. Texts over the model's 510 tokens are
 * split and averaged by the encoder; passages are cut shorter than that.
 */
public final class OnnxEmbedder implements Embedder {

  static {
    // DJL's tokenizer must never try the network, and its native library goes to a writable place.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty(
          "DJL_CACHE_DIR",
          Path.of(System.getProperty("java.io.tmpdir"), "zoomdex-djl-cache").toString());
    }
  }

  private final EmbeddingModelId model;
  private final Encoder encoder;
  private final OrtSession session;
  private final String queryPrefix;
  private final String passagePrefix;
  private final float minimumSimilarity;

  private OnnxEmbedder(
      String name,
      InputStream onnx,
      InputStream tokenizer,
      boolean meanPooling,
      int knownDimension,
      String queryPrefix,
      String passagePrefix,
      float minimumSimilarity)
      throws EmbeddingException {
    this.minimumSimilarity = minimumSimilarity;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    try (onnx;
        tokenizer) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(onnx.readAllBytes(), options);
      OnnxBertBiEncoder bert =
          new OnnxBertBiEncoder(
              environment, session, tokenizer, meanPooling ? PoolingMode.MEAN : PoolingMode.CLS);
      this.encoder = new Encoder(bert);
    } catch (OrtException | IOException | RuntimeException e) {
      throw new EmbeddingException(
          "Could not load the embedding model " + name + " (" + e.getMessage() + ").", false, e);
    }
    int dimension = knownDimension > 0 ? knownDimension : embedRaw("dimension").length;
    this.model = new EmbeddingModelId(name, dimension);
  }

  /**
   * Loads a model zoomdex knows by name from the class path.
   *
   * @throws EmbeddingException when its files are not on the class path or do not load
   */
  public static OnnxEmbedder load(OnnxModel known) throws EmbeddingException {
    if (!known.available()) {
      throw new EmbeddingException(
          "The embedding model "
              + known.modelName()
              + " is not part of this build; use all-minilm-l6-v2-q or give a model file.",
          false);
    }
    return new OnnxEmbedder(
        known.modelName(),
        OnnxModel.class.getResourceAsStream(known.onnxResource()),
        OnnxModel.class.getResourceAsStream(known.tokenizerResource()),
        known.meanPooling(),
        known.dimension(),
        known.queryPrefix(),
        known.passagePrefix(),
        known.minimumSimilarity());
  }

  /**
   * Loads an operator's model from disk.
   *
   * @param name the name recorded in the index (change it when the model changes)
   * @param onnxFile the ONNX model of a BERT-style sentence encoder
   * @param tokenizerFile its Hugging Face {@code tokenizer.json}
   * @param meanPooling mean pooling (sentence-transformers models) rather than the CLS token
   * @throws EmbeddingException when a file is missing or does not load
   */
  public static OnnxEmbedder fromFiles(
      String name, Path onnxFile, Path tokenizerFile, boolean meanPooling)
      throws EmbeddingException {
    for (Path file : List.of(onnxFile, tokenizerFile)) {
      if (!Files.isReadable(file)) {
        throw new EmbeddingException(
            "The embedding model file " + file + " does not exist or is not readable.", false);
      }
    }
    try {
      return new OnnxEmbedder(
          name,
          Files.newInputStream(onnxFile),
          Files.newInputStream(tokenizerFile),
          meanPooling,
          0,
          "",
          "",
          0f);
    } catch (IOException e) {
      throw new EmbeddingException(
          "Could not read the embedding model files (" + e.getMessage() + ").", false, e);
    }
  }

  @Override
  public EmbeddingModelId model() {
    return model;
  }

  @Override
  public float minimumSimilarity() {
    return minimumSimilarity;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbeddingException {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(embedRaw(passagePrefix + text));
    }
    return vectors;
  }

  @Override
  public float[] embedQuery(String query) throws EmbeddingException {
    return embedRaw(queryPrefix + query);
  }

  private float[] embedRaw(String text) throws EmbeddingException {
    try {
      // One text at a time in this thread: the encoder has no batching of its own, and parallelism
      // comes from the caller's pool.
      Embedding embedding = encoder.embed(TextSegment.from(text.isBlank() ? " " : text)).content();
      return Vectors.normalize(embedding.vector().clone());
    } catch (RuntimeException e) {
      throw new EmbeddingException(
          "The embedding model failed on a text (" + e.getMessage() + ").", false, e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // Nothing left to release that the process exit will not.
    }
  }

  /** langchain4j's in-process model over our own session, running in the calling thread. */
  private static final class Encoder extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder bert;

    Encoder(OnnxBertBiEncoder bert) {
      super(Runnable::run);
      this.bert = bert;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return bert;
    }
  }
}
