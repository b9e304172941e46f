package io.zoomdex.embed;

import java.util.Locale;

/**
 * The sentence-embedding models zoomdex knows by name, as ONNX files and tokenizers on the class
 * path (each ships in a langchain4j Maven artifact). Only {@link #ALL_MINILM_L6_V2_Q} is in the
 * runnable jar; the others are on the test class path for the comparisons in BENCHMARKS.md.
 *
 * @param prefix what bge and e5 want in front of a query ({@code queryPrefix}) or a passage
 */
public enum OnnxModel {
  ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", true, 384, "", "", 0.2f),
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", true, 384, "", "", 0.2f),
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      "bge-small-en-v1.5-q",
      false,
      384,
      "Represent this sentence for searching relevant passages: ",
      "",
      0.45f),
  E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q", true, 384, "query: ", "passage: ", 0.7f);

  private final String modelName;
  private final String resource;
  private final boolean meanPooling;
  private final int dimension;
  private final String queryPrefix;
  private final String passagePrefix;
  private final float minimumSimilarity;

  OnnxModel(
      String modelName,
      String resource,
      boolean meanPooling,
      int dimension,
      String queryPrefix,
      String passagePrefix,
      float minimumSimilarity) {
    this.minimumSimilarity = minimumSimilarity;
    this.modelName = modelName;
    this.resource = resource;
    this.meanPooling = meanPooling;
    this.dimension = dimension;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
  }

  /** The name used in configuration and recorded in the index. */
  public String modelName() {
    return modelName;
  }

  String onnxResource() {
    return "/" + resource + ".onnx";
  }

  String tokenizerResource() {
    return "/" + resource + "-tokenizer.json";
  }

  boolean meanPooling() {
    return meanPooling;
  }

  int dimension() {
    return dimension;
  }

  String queryPrefix() {
    return queryPrefix;
  }

  String passagePrefix() {
    return passagePrefix;
  }

  float minimumSimilarity() {
    return minimumSimilarity;
  }

  /** Whether this model's files are on the class path (so it can be loaded here). */
  public boolean available() {
    return OnnxModel.class.getResource(onnxResource()) != null
        && OnnxModel.class.getResource(tokenizerResource()) != null;
  }

  /**
   * The model with this name (any case), or null when zoomdex does not know it.
   *
   * @param name e.g. {@code all-minilm-l6-v2-q}, or the short forms {@code minilm-q}, {@code
   *     minilm}, {@code bge-small-q}, {@code e5-small-q}
   */
  public static OnnxModel byName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (OnnxModel model : values()) {
      if (model.modelName.equals(wanted)) {
        return model;
      }
    }
    return switch (wanted) {
      case "minilm-q" -> ALL_MINILM_L6_V2_Q;
      case "minilm" -> ALL_MINILM_L6_V2;
      case "bge-small-q" -> BGE_SMALL_EN_V15_Q;
      case "e5-small-q" -> E5_SMALL_V2_Q;
      default -> null;
    };
  }
}
