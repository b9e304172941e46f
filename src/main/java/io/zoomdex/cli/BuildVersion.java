package io.zoomdex.cli;

/** This build's version as the jar manifest says, for the MCP handshake. */
final class BuildVersion {

  private BuildVersion() {}

  static String get() {
    String version = BuildVersion.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
