package io.zoomdex.cli;

/** The one sentence a command prints when a bug stopped it: no stack trace, no class name. */
final class InternalFailure {
  private InternalFailure() {}

  /** E.g. "The crawl stopped on an internal error (boom); run it again with ...". */
  static String sentence(String what, RuntimeException e) {
    String detail =
        e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
    return what
        + " stopped on an internal error"
        + detail
        + "; run it again with ZOOMDEX_LOG_LEVEL=DEBUG for the details and report them.";
  }
}
