package io.zoomdex.embed;

/** Small vector arithmetic every embedder shares. */
public final class Vectors {

  private Vectors() {}

  /**
   * Scales a vector to unit length in place and returns it; a zero vector stays zero (it then
   * matches nothing better than anything else).
   */
  public static float[] normalize(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    if (sum == 0) {
      return vector;
    }
    float scale = (float) (1.0 / Math.sqrt(sum));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  /** The dot product: the cosine similarity of two unit vectors. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Vectors of different dimensions: " + a.length + " and " + b.length);
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return (float) sum;
  }
}
