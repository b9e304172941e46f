package io.zoomdex.config;

/**
 * A setting is missing or malformed. The message is one plain sentence naming the setting and how
 * to fix it; the command line maps it to {@code ExitCodes.CONFIG}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
