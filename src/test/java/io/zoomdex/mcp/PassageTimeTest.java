package io.zoomdex.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.search.Snippet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PassageTimeTest {

  @Test
  void theSnippetsOwnOffset_wins() {
    Snippet snippet = Snippet.plain("[00:00:05] Alice: hello").withOffset(Duration.ofSeconds(3723));

    assertThat(PassageTime.of(snippet)).contains(new PassageTime("01:02:03", 3723));
  }

  @Test
  void withoutAnOffset_theFirstCueTimeInTheText() {
    Snippet snippet = Snippet.plain("so [00:12:34] Bob: cuts.\n[00:15:00] Alice: Agreed.");

    assertThat(PassageTime.of(snippet)).contains(new PassageTime("00:12:34", 754));
  }

  @Test
  void plainText_hasNoTime() {
    assertThat(PassageTime.of(Snippet.plain("Quarterly budget planning."))).isEmpty();
  }
}
