package io.zoomdex.source;

import static io.zoomdex.source.ZoomFixtures.meeting;
import static io.zoomdex.source.ZoomFixtures.participant;
import static io.zoomdex.source.ZoomFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.zoom.model.Participant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReaderRulesTest {
  private final UserDirectory directory =
      new UserDirectory(
          List.of(
              user("u-host", "host@corp.example", "active"),
              user("u-alt", "alt@corp.example", "active"),
              user("u-inv", "inv@corp.example", "active"),
              user("u-att", "att@corp.example", "active"),
              user("u-off", "off@corp.example", "inactive")));
  private final ReaderRules rules = new ReaderRules(directory);
  private final List<Participant> participants =
      List.of(participant("Att", "att@corp.example"), participant("Ext", "ext@else.example"));

  @ParameterizedTest
  @CsvSource({
    "1, host@corp.example",
    "2, host@corp.example alt@corp.example",
    "3, host@corp.example alt@corp.example inv@corp.example att@corp.example",
    "4, host@corp.example alt@corp.example inv@corp.example out@else.example att@corp.example ext@else.example",
  })
  void summary_followsWhoWillReceiveSummary(int who, String expected) {
    SeriesPeople people =
        rules.meetingPeople(
            meeting(1, "u-host", null, "u-alt", who, "inv@corp.example", "out@else.example"),
            "u-host");

    assertThat(rules.summary(people, participants).emails())
        .containsExactlyInAnyOrder(expected.split(" "));
  }

  @Test
  void summary_settingAbsent_isHostAndAlternativeHosts() {
    SeriesPeople people =
        rules.meetingPeople(
            meeting(1, "u-host", null, "u-alt", null, "inv@corp.example"), "u-host");

    assertThat(rules.summary(people, participants).emails())
        .containsExactlyInAnyOrder("host@corp.example", "alt@corp.example");
  }

  @Test
  void everyRule_removesDeactivatedUsers_andDeactivatedHostLeavesNobody() {
    SeriesPeople people = rules.meetingPeople(meeting(1, "u-off", null, "", 1), "u-off");

    assertThat(rules.series(people).isEmpty()).isTrue();
    assertThat(rules.summary(people, List.of()).isEmpty()).isTrue();
    assertThat(rules.transcript(people).isEmpty()).isTrue();
    assertThat(rules.instance(people, List.of(participant("Off", "OFF@corp.example"))).emails())
        .isEmpty();
  }

  @Test
  void unlistedInstance_readersAreHostFromDetailsOrHostId() {
    assertThat(rules.series(rules.unlistedPeople("", "u-alt")).emails())
        .containsExactly("alt@corp.example");
    assertThat(rules.series(rules.unlistedPeople(" Host@Corp.example ", null)).emails())
        .containsExactly("host@corp.example");
    assertThat(rules.series(rules.unlistedPeople(null, "no-such-user")).isEmpty()).isTrue();
  }
}
