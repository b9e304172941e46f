package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code zoomdex reembed} takes its model from flags, the environment or its --config file. */
class ReembedCommandTest {
  @TempDir Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void indexWithHashingVectors() throws Exception {
    try (PassageVectors vectors =
            new PassageVectors(EmbedderSettings.named("hashing").open(), 1, 8);
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors)) {
      for (int i = 0; i < 2; i++) {
        sink.apply(
            new Change.Upsert(
                new Document(
                    new DocumentId(DocumentType.MEETING, "m" + i),
                    "Budget review " + i,
                    "We moved the launch to March.",
                    "host@example.com",
                    Instant.parse("2026-01-05T10:00:00Z"),
                    30,
                    "https://zoom.us/j/" + i,
                    Readers.of(List.of("host@example.com")),
                    Map.of())));
      }
      sink.commit();
    }
  }

  private int reembed(String... args) {
    CommandLine cli = new CommandLine(new ReembedCommand(Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void configFileModel_isTheOneReembedUses() throws Exception {
    Path config = data.resolve("zoomdex.properties");
    Files.writeString(config, "zoom.plan = pro\nembedding.model = none\n");

    assertThat(reembed("--config", config.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("Removed every vector");
  }

  @Test
  void flag_overridesTheConfigFile() throws Exception {
    Path config = data.resolve("zoomdex.properties");
    Files.writeString(config, "embedding.model = none\n");

    assertThat(reembed("--config", config.toString(), "--embedding-model", "hashing"))
        .as(err.toString())
        .isZero();

    assertThat(out.toString()).contains("Re-embedded 2 documents with hashing");
  }

  @Test
  void badEmbeddingSettingInTheConfigFile_exits3NamingTheLine() throws Exception {
    Path config = data.resolve("zoomdex.properties");
    Files.writeString(config, "embedding.threads = none\n");

    assertThat(reembed("--config", config.toString())).isEqualTo(ExitCodes.CONFIG);

    assertThat(err.toString().strip())
        .isEqualTo(
            "The setting embedding.threads in "
                + config
                + ", line 1, is 'none' but must be a whole number of at least 1 (documents"
                + " embedded at once).");
  }
}
