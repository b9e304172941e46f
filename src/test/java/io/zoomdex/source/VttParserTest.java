package io.zoomdex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VttParserTest {
  private final VttParser parser = new VttParser();

  @Test
  void parse_zoomTranscript_readsSpeakerTimeAndText() {
    String vtt =
        "\uFEFFWEBVTT\r\n\r\n1\r\n00:00:16.239 --> 00:00:27.079\r\nAlice Smith: Hello everyone,"
            + " let's start.\r\n\r\n2\r\n01:02:03.500 --> 01:02:05.000\r\nBob Jones: The budget"
            + "\r\nis approved.\r\n";

    List<TranscriptCue> cues = parser.parse(vtt);

    assertThat(cues)
        .containsExactly(
            new TranscriptCue(
                Duration.ofMillis(16_239), "Alice Smith", "Hello everyone, let's start."),
            new TranscriptCue(
                Duration.ofHours(1).plusMinutes(2).plusSeconds(3).plusMillis(500),
                "Bob Jones",
                "The budget is approved."));
    assertThat(cues.get(1).toLine()).isEqualTo("[01:02:03] Bob Jones: The budget is approved.");
  }

  @Test
  void parse_voiceTagsAndNoHours_readsSpeakerFromTag() {
    String vtt = "WEBVTT\n\nNOTE a comment\n\n00:05.000 --> 00:07.000\n<v Carol Ng>Next item</v>\n";

    assertThat(parser.parse(vtt))
        .containsExactly(new TranscriptCue(Duration.ofSeconds(5), "Carol Ng", "Next item"));
  }

  @Test
  void parse_cueWithoutSpeaker_keepsTextAndEmptySpeaker() {
    String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\njust words\n\n";

    List<TranscriptCue> cues = parser.parse(vtt);

    assertThat(cues).extracting(TranscriptCue::speaker).containsExactly("");
    assertThat(cues.get(0).toLine()).isEqualTo("[00:00:01] just words");
  }

  @Test
  void parse_garbage_givesNoCues() {
    assertThat(parser.parse("<html>not a transcript</html>")).isEmpty();
    assertThat(parser.parse("")).isEmpty();
  }

  @Test
  void lines_splitLikeTheLineBreakRegex_keepingEmptyLines() {
    for (String text :
        List.of("", "a", "a\n", "\n\n", "a\r\nb\rc\nd", "a\r\r\nb", "\r", "x\n\r\ny\r\n")) {
      assertThat(VttParser.lines(text))
          .as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .containsExactly(text.split("\\r\\n|\\r|\\n", -1));
    }
  }

  @Test
  void parse_colonTooFarOrWithoutSpace_keepsTheWholeTextAndNoSpeaker() {
    String far = "x".repeat(81) + ": words";
    String vtt =
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nat 10:30 we start\n\n"
            + "00:00:03,000 --> 00:00:04.000\n"
            + far
            + "\n\n00:00:05.000 --> 00:00:06.000\nDana:\n\n"
            + "00:00:07.000 --> 00:00:08.000\n<c.yellow>Eve Li: tagged</c>\n";

    assertThat(parser.parse(vtt))
        .containsExactly(
            new TranscriptCue(Duration.ofSeconds(1), "", "at 10:30 we start"),
            new TranscriptCue(Duration.ofSeconds(3), "", far),
            new TranscriptCue(Duration.ofSeconds(5), "", "Dana:"),
            new TranscriptCue(Duration.ofSeconds(7), "Eve Li", "tagged"));
  }
}
