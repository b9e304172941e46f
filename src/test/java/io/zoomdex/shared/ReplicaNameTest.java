package io.zoomdex.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaNameTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void aDataDirectory_keepsItsName_andAnotherGetsAnother() throws Exception {
    String name = ReplicaName.of(first);

    assertThat(name).matches("[a-z0-9.-]+-[0-9a-f]{8}");
    assertThat(ReplicaName.of(first)).as("after a restart").isEqualTo(name);
    assertThat(Files.readString(first.resolve("replica-name")).strip()).isEqualTo(name);
    assertThat(ReplicaName.of(second)).isNotEqualTo(name);
  }
}
