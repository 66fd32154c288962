package dev.bulwark.runtime.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaginationTest {

  @Test
  void theNextLinkIsFoundAmongSeveralRelationsAndHeaderValues() {
    assertThat(Pagination.nextLink(List.of(
        "<https://api.example.com/items?page=1>; rel=\"prev\", <https://api.example.com/items?page=3>; rel=\"next\"")))
        .isEqualTo("https://api.example.com/items?page=3");
    assertThat(Pagination.nextLink(List.of("</items?page=2>; rel=\"next last\"; title=\"more\"")))
        .isEqualTo("/items?page=2");
    assertThat(Pagination.nextLink(List.of("<a>; rel=first", "<b>; REL=Next"))).isEqualTo("b");
    assertThat(Pagination.nextLink(List.of("<a>; rel=\"prev\""))).isNull();
    assertThat(Pagination.nextLink(List.of("not a link"))).isNull();
    assertThat(Pagination.nextLink(null)).isNull();
  }
}
