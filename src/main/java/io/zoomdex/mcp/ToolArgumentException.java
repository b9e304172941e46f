package io.zoomdex.mcp;

/** A tool argument the caller got wrong; the message is one sentence naming it and the fix. */
final class ToolArgumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ToolArgumentException(String message) {
    super(message, null, false, false);
  }
}
