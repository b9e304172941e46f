package io.zoomdex.cli;

/**
 * Every exit code zoomdex returns. The README's table is generated from the same meanings; keep
 * both in step.
 */
public final class ExitCodes {
  /** Everything asked for was done. */
  public static final int OK = 0;

  /** Something failed that has no more specific code (a bug, an unexpected error). */
  public static final int INTERNAL_ERROR = 1;

  /** The command line was wrong: an unknown option, a missing or malformed value. */
  public static final int USAGE = 2;

  /** The configuration (file, environment, flags) is missing or malformed. */
  public static final int CONFIG = 3;

  /** Zoom refused the credentials (account id, client id or client secret). */
  public static final int AUTH = 4;

  /** The Zoom app lacks one or more of the required scopes. */
  public static final int MISSING_SCOPE = 5;

  /** Zoom could not be reached, or kept failing after every retry. */
  public static final int ZOOM_UNAVAILABLE = 6;

  /** The crawl finished but is partial: some listings failed; nothing was deleted. */
  public static final int PARTIAL = 7;

  /** The index or state directory could not be written (disk full, permissions, corruption). */
  public static final int STORAGE = 8;

  /** Another crawl or serve's webhook worker or scheduler is writing to the same --data. */
  public static final int BUSY = 9;

  /**
   * {@code search --as EMAIL}: nothing in the index lists this person as a reader (an unknown or
   * misspelled email). The HTTP API, by contrast, answers an unknown caller with no results.
   */
  public static final int UNKNOWN_PERSON = 10;

  /** {@code zoomdex explain ID}: the index holds no document with that id. */
  public static final int UNKNOWN_DOCUMENT = 11;

  /** {@code zoomdex mcp}: serve refused the API token (credentials refused, as {@link #AUTH}). */
  public static final int TOKEN_REFUSED = AUTH;

  /** {@code zoomdex mcp}: serve could not be reached (as {@link #ZOOM_UNAVAILABLE} for Zoom). */
  public static final int SERVER_UNREACHABLE = ZOOM_UNAVAILABLE;

  private ExitCodes() {}
}
