package io.zoomdex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and commit zoomdex was built from, as the build recorded them in {@code
 * io/zoomdex/git.properties} (the git-commit-id Maven plugin writes it; a build outside a git
 * checkout has none, and says so).
 *
 * @param version the project version, e.g. 0.1.0-SNAPSHOT, or empty when unknown
 * @param commit the abbreviated commit id, or empty when unknown
 * @param dirty whether the checkout had uncommitted changes
 */
public record BuildInfo(String version, String commit, boolean dirty) {
  private static final String RESOURCE = "/io/zoomdex/git.properties";

  /** What the build recorded; empty fields when it recorded nothing. */
  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable record is the same as none: the version line says "unknown".
    }
    String version = properties.getProperty("git.build.version", "");
    if (version.isBlank()) {
      String manifest = BuildInfo.class.getPackage().getImplementationVersion();
      version = manifest == null ? "" : manifest;
    }
    return new BuildInfo(
        version.strip(),
        properties.getProperty("git.commit.id.abbrev", "").strip(),
        Boolean.parseBoolean(properties.getProperty("git.dirty", "false")));
  }

  /** E.g. "zoomdex 0.1.0-SNAPSHOT (commit 07b26d5, uncommitted changes)". */
  public String describe() {
    String commitText =
        commit.isEmpty()
            ? "commit unknown: built outside a git checkout"
            : "commit " + commit + (dirty ? ", with uncommitted changes" : "");
    return "zoomdex "
        + (version.isEmpty() ? "(version unknown)" : version)
        + " ("
        + commitText
        + ")";
  }
}
