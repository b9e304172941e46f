package io.zoomdex.zoom.model;

/**
 * The part of a webinar's {@code settings} that decides who may read it.
 *
 * @param alternativeHosts comma-separated emails (semicolons tolerated)
 */
public record WebinarSettings(String alternativeHosts) {

  public WebinarSettings {
    alternativeHosts = alternativeHosts == null ? "" : alternativeHosts;
  }
}
