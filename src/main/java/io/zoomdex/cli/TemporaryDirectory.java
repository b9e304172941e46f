package io.zoomdex.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a directory a command made for itself, with everything in it. */
final class TemporaryDirectory {
  private static final Logger log = LoggerFactory.getLogger(TemporaryDirectory.class);

  private TemporaryDirectory() {}

  /** Deletes {@code dir} and its contents; what cannot be deleted is logged and left. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TemporaryDirectory::deleteOne);
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not delete the temporary directory {}: {}", dir, e.getMessage());
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
