package io.zoomdex.shared;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * A writer replica's stable name, kept in {@code DATA/replica-name}: its crawl runs are published
 * under it, so the same runs published again after a restart are the same documents.
 */
public final class ReplicaName {
  private static final String FILE = "replica-name";
  private static final Object LOCK = new Object();

  private ReplicaName() {}

  /**
   * The name kept under {@code dataDir}, made (host and a random part) on first use.
   *
   * @throws IOException when the file cannot be read or written
   */
  public static String of(Path dataDir) throws IOException {
    synchronized (LOCK) {
      return readOrMake(dataDir);
    }
  }

  private static String readOrMake(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      String name = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!name.isEmpty()) {
        return name;
      }
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "host";
    }
    String name =
        (host.replaceAll("[^A-Za-z0-9.-]", "") + "-" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    Files.createDirectories(dataDir);
    Files.writeString(file, name + "\n", StandardCharsets.UTF_8);
    return name;
  }
}
