package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

  @Test
  void principal_isTrimmedAndLowerCased_andHostLikewise() {
    SearchRequest request =
        SearchRequest.of("  Alice@Example.COM ", "  budget  ").withHost(" BOB@x.io");
    assertThat(request.principal()).isEqualTo("alice@example.com");
    assertThat(request.host()).isEqualTo("bob@x.io");
    assertThat(request.query()).isEqualTo("budget");
    assertThat(request.matchesAll()).isFalse();
    assertThat(SearchRequest.of(null, null).matchesAll()).isTrue();
    assertThat(SearchRequest.of(null, null).principal()).isEmpty();
  }

  @Test
  void paging_isBounded() {
    SearchRequest base = SearchRequest.of("a@b.c", "");
    assertThatThrownBy(() -> base.withPage(0, 0)).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> base.withPage(101, 0)).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> base.withPage(10, -1)).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> base.withPage(100, 9_901))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("Paging stops at result 10000");
    assertThat(base.withPage(100, 9_900).offset()).isEqualTo(9_900);
  }

  @Test
  void dateRange_mustNotEndBeforeItStarts() {
    Instant day = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> SearchRequest.of("a@b.c", "").withRange(day, day))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("swap the dates");
  }
}
