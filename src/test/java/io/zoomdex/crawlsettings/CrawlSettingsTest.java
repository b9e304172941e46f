package io.zoomdex.crawlsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlSettingsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

  @Test
  void topicGlob_matchesTheWholeTopic_caseInsensitively() {
    TopicPattern pattern = new TopicPattern("Weekly * review?");

    assertThat(pattern.matches("weekly BUDGET reviews")).isTrue();
    assertThat(pattern.matches("Weekly  review!")).isTrue();
    assertThat(pattern.matches("Weekly budget review")).isFalse(); // ? needs one character
    assertThat(pattern.matches("The weekly budget reviews")).isFalse();
    assertThat(new TopicPattern("a.b (c)").matches("A.B (C)")).isTrue();
    assertThat(new TopicPattern("a.b").matches("axb")).isFalse();
  }

  @Test
  void filters_combineIncludeAndExclude() {
    CrawlSettings settings =
        CrawlSettings.DEFAULTS
            .with("include_topics", "Sales*, *review")
            .with("exclude_topics", "*internal*")
            .with("exclude_ids", "7")
            .with("include_hosts", "A@Corp.example, b@corp.example")
            .with("exclude_hosts", "b@corp.example");

    assertThat(settings.includesSeries(1, "Sales sync")).isTrue();
    assertThat(settings.includesSeries(1, "Sales internal sync")).isFalse();
    assertThat(settings.includesSeries(7, "Sales sync")).isFalse();
    assertThat(settings.includesSeries(1, "Design")).isFalse();
    assertThat(settings.includesHost(" a@corp.example")).isTrue();
    assertThat(settings.includesHost("b@corp.example")).isFalse();
    assertThat(settings.includesHost("c@corp.example")).isFalse();
  }

  @Test
  void transcriptsOnly_leaveOnlyTranscriptsOfThatSide() {
    CrawlSettings meetings = CrawlSettings.DEFAULTS.with("meetings_transcripts_only", "true");

    assertThat(meetings.indexes(CrawlKind.MEETING)).isFalse();
    assertThat(meetings.indexes(CrawlKind.PAST_MEETING)).isFalse();
    assertThat(meetings.indexes(CrawlKind.SUMMARY)).isFalse();
    assertThat(meetings.indexes(CrawlKind.TRANSCRIPT)).isTrue();
    assertThat(meetings.indexes(CrawlKind.PAST_WEBINAR)).isTrue();
    assertThat(meetings.indexes(CrawlKind.QA)).isTrue(); // webinars keep their Q&A
  }

  @Test
  void history_startsAtTheDayNDaysAgo() {
    CrawlSettings settings = CrawlSettings.DEFAULTS.with("history", "10d");

    assertThat(settings.historyStart(TODAY)).contains(Instant.parse("2026-11-10T00:00:00Z"));
    assertThat(settings.withinHistory(Instant.parse("2026-11-10T00:00:00Z"), TODAY)).isTrue();
    assertThat(settings.withinHistory(Instant.parse("2026-11-09T23:59:59Z"), TODAY)).isFalse();
    assertThat(CrawlSettings.DEFAULTS.withinHistory(Instant.EPOCH, TODAY)).isTrue();
  }

  @Test
  void fingerprint_followsTheSettings_notTheirSpelling() {
    CrawlSettings a = CrawlSettings.DEFAULTS.with("kinds", "transcript, meeting");
    CrawlSettings b = CrawlSettings.DEFAULTS.with("kinds", "MEETING,transcript");

    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(a.fingerprint()).isNotEqualTo(CrawlSettings.DEFAULTS.fingerprint());
    assertThat(CrawlSettings.DEFAULTS.with("keep_passcodes", "true").fingerprint())
        .isNotEqualTo(CrawlSettings.DEFAULTS.fingerprint());
    assertThat(a.describe()).containsEntry("kinds", List.of("meeting", "transcript"));
  }

  @Test
  void nothingLeftToIndex_isRefused() {
    CrawlSettings none =
        CrawlSettings.DEFAULTS.with("kinds", "meeting,qa").with("meetings_transcripts_only", "on");

    assertThatThrownBy(none::validated)
        .isInstanceOf(CrawlSettingsException.class)
        .hasMessageContaining("leave nothing to index");
  }
}
