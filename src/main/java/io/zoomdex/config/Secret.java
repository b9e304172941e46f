package io.zoomdex.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A credential (the client secret) that never prints itself: {@link #toString()} and JSON give
 * {@code ****}. Only {@link #reveal()} gives the value, for the one place that sends it.
 */
public final class Secret {
  private static final String MASK = "****";
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-blank value. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret cannot be blank");
    }
    return new Secret(value);
  }

  /** The clear value; call it only where the secret is sent (the OAuth request). */
  public String reveal() {
    return value;
  }

  @JsonValue
  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
