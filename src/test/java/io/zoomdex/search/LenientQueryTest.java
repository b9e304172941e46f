package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LenientQueryTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '>',
      value = {
        "budget AND( > budget",
        "AND budget > budget",
        "budget OR > budget",
        "budget && || > budget",
        "budget NOT > budget",
        "budget - + > budget",
        "(budget > budget",
        "budget) > budget",
        "budget () review > budget review",
        "budget AND OR review > budget OR review",
        "\"budget review > budget review",
        "AND > ''",
      })
  void strayOperatorsParenthesesAndQuotes_areDropped(String query, String repaired) {
    assertThat(LenientQuery.repair(query)).isEqualTo(repaired);
  }

  @ParameterizedTest(name = "[{0}] stays")
  @CsvSource(
      delimiter = '|',
      value = {
        "budget OR review",
        "budget AND NOT review",
        "budget -review",
        "\"budget AND review\" OR launch",
        "( budget OR launch ) review",
        "NOT budget",
        "spread*",
      })
  void wellFormedQueries_keepTheirMeaning(String query) {
    assertThat(LenientQuery.repair(query)).isEqualTo(query);
  }
}
