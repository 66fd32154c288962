package dev.bulwark.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bulwark.e2e.feeds.FeedsClient;
import dev.bulwark.e2e.feeds.model.Article;
import dev.bulwark.e2e.feeds.service.ArticleFeedParams;
import dev.bulwark.e2e.feeds.service.ListArticlesByOffsetParams;
import dev.bulwark.e2e.feeds.service.ListArticlesByPageParams;
import dev.bulwark.e2e.feeds.service.ListArticlesParams;
import dev.bulwark.e2e.feeds.service.ListAuthorsParams;
import dev.bulwark.e2e.feeds.service.ListLinkedArticlesParams;
import dev.bulwark.runtime.RequestOptions;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.paging.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every pagination style of {@code sample-specs/feeds.yaml} against WireMock: pages, the auto-pager (lazy, sync and
 * async), stop conditions, failures and retries of a single page.
 */
@WireMockTest
class PaginationTest {
  private final FakeTime time = new FakeTime();
  private WireMock server;
  private String baseUrl;
  private FeedsClient client;

  @BeforeEach
  void createClient(WireMockRuntimeInfo info) {
    server = info.getWireMock();
    baseUrl = info.getHttpBaseUrl();
    client = FeedsClient.builder().baseUrl(baseUrl).sleeper(time.sleeper()).ticker(time.ticker()).build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static String articles(String... ids) {
    List<String> items = new ArrayList<>();
    for (String id : ids) {
      items.add("{\"id\": \"" + id + "\", \"title\": \"Title " + id + "\"}");
    }
    return "[" + String.join(", ", items) + "]";
  }

  private static List<String> ids(Iterable<Article> articles) {
    List<String> ids = new ArrayList<>();
    articles.forEach(article -> ids.add(article.getId()));
    return ids;
  }

  private void cursorPages() {
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", absent())
        .willReturn(okJson("{\"data\": " + articles("a1", "a2") + ", \"next_cursor\": \"c2\", \"has_more\": true}")));
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("c2"))
        .willReturn(okJson("{\"data\": " + articles("a3") + ", \"next_cursor\": \"c3\", \"has_more\": false}")));
  }

  @Test
  void cursorPagesFollowTheCursorKeepTheOtherParametersAndStopWhenHasMoreIsFalse() {
    cursorPages();
    Page<Article> first = client.articles().listArticlesPages(ListArticlesParams.builder().topic("news").build());
    assertThat(ids(first.items())).containsExactly("a1", "a2");
    assertThat(first.hasNextPage()).isTrue();
    Page<Article> second = first.nextPage();
    assertThat(ids(second.items())).containsExactly("a3");
    assertThat(second.hasNextPage()).isFalse();
    assertThatThrownBy(second::nextPage).isInstanceOf(NoSuchElementException.class).hasMessageContaining("last page");

    assertThat(ids(first.autoPager())).containsExactly("a1", "a2", "a3");
    server.verifyThat(2, getRequestedFor(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("c2"))
        .withQueryParam("topic", equalTo("news")));
  }

  @Test
  void theAutoPagerFetchesAPageOnlyWhenIterationReachesIt() {
    cursorPages();
    Page<Article> first = client.articles().listArticlesPages(ListArticlesParams.builder().build());
    assertThat(first.autoPager().stream().limit(2).map(Article::getId).toList()).containsExactly("a1", "a2");
    server.verifyThat(1, getRequestedFor(anyUrl()));
    assertThat(first.autoPager().stream().map(Article::getId).toList()).containsExactly("a1", "a2", "a3");
    server.verifyThat(2, getRequestedFor(anyUrl()));
  }

  @Test
  void theAsyncAutoPagerVisitsEveryItemAcrossPages() throws Exception {
    cursorPages();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    client.articles().listArticlesPagesAsync(ListArticlesParams.builder().build(), RequestOptions.none())
        .thenCompose(page -> page.autoPager().forEachAsync(article -> seen.add(article.getId())))
        .get(10, TimeUnit.SECONDS);
    assertThat(seen).containsExactly("a1", "a2", "a3");
  }

  @Test
  void offsetPagesAdvanceByTheItemsReceivedAndStopOnAShortPage() {
    for (int offset : new int[] {0, 2, 4}) {
      String body = "{\"items\": " + (offset < 4 ? articles("o" + offset, "o" + (offset + 1)) : articles("o4"))
          + "}";
      server.register(get(urlPathEqualTo("/articles/by-offset"))
          .withQueryParam("offset", offset == 0 ? absent() : equalTo(String.valueOf(offset)))
          .willReturn(okJson(body)));
    }
    Page<Article> first = client.articles().listArticlesByOffsetPages(
        ListArticlesByOffsetParams.builder().limit(2).build());
    assertThat(ids(first.autoPager())).containsExactly("o0", "o1", "o2", "o3", "o4");
    server.verifyThat(3, getRequestedFor(urlPathEqualTo("/articles/by-offset")).withQueryParam("limit", equalTo("2")));
  }

  @Test
  void pageNumbersCountUpFromTheFirstPageUntilAnEmptyPage() {
    server.register(get(urlPathEqualTo("/articles/by-page")).withQueryParam("page", absent())
        .willReturn(okJson("{\"result\": {\"articles\": " + articles("p1") + "}}")));
    server.register(get(urlPathEqualTo("/articles/by-page")).withQueryParam("page", equalTo("2"))
        .willReturn(okJson("{\"result\": {\"articles\": " + articles("p2") + "}}")));
    server.register(get(urlPathEqualTo("/articles/by-page")).withQueryParam("page", equalTo("3"))
        .willReturn(okJson("{\"result\": {}}")));
    Page<Article> first = client.articles().listArticlesByPagePages(ListArticlesByPageParams.builder().build());
    assertThat(ids(first.autoPager())).containsExactly("p1", "p2");
    server.verifyThat(3, getRequestedFor(urlPathEqualTo("/articles/by-page")));
  }

  @Test
  void theLinkHeaderLeadsToTheNextPageAbsoluteOrRelative() {
    server.register(get(urlPathEqualTo("/articles/linked")).withQueryParam("page", absent())
        .willReturn(okJson(articles("l1")).withHeader("Link",
            "<" + baseUrl + "/articles/linked?page=2>; rel=\"next\", <" + baseUrl + "/articles/linked?page=9>; rel=last")));
    server.register(get(urlPathEqualTo("/articles/linked")).withQueryParam("page", equalTo("2"))
        .willReturn(okJson(articles("l2")).withHeader("Link", "</articles/linked?page=3>; rel=\"next\"")));
    server.register(get(urlPathEqualTo("/articles/linked")).withQueryParam("page", equalTo("3"))
        .willReturn(okJson(articles("l3"))));
    Page<Article> first = client.articles().listLinkedArticlesPages(ListLinkedArticlesParams.builder().build());
    assertThat(ids(first.autoPager())).containsExactly("l1", "l2", "l3");
  }

  @Test
  void aLinkToAnotherOriginIsRefusedSoCredentialsNeverLeave() {
    server.register(get(urlPathEqualTo("/articles/linked"))
        .willReturn(okJson(articles("l1")).withHeader("Link", "<http://elsewhere.invalid/steal?page=2>; rel=next")));
    Page<Article> first = client.articles().listLinkedArticlesPages(ListLinkedArticlesParams.builder().build());
    assertThat(first.hasNextPage()).isTrue();
    assertThatThrownBy(first::nextPage).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("elsewhere.invalid").hasMessageContaining("not the client's origin");
  }

  @Test
  void aNextUrlInTheBodyIsFollowedUntilItIsAbsent() {
    server.register(get(urlPathEqualTo("/articles/feed")).withQueryParam("after", absent())
        .willReturn(okJson("{\"articles\": " + articles("f1") + ", \"links\": {\"next\": \"/articles/feed?after=f1\"}}")));
    server.register(get(urlPathEqualTo("/articles/feed")).withQueryParam("after", equalTo("f1"))
        .willReturn(okJson("{\"articles\": " + articles("f2") + ", \"links\": {}}")));
    assertThat(ids(client.articles().articleFeedPages(ArticleFeedParams.builder().build()).autoPager()))
        .containsExactly("f1", "f2");
  }

  @Test
  void speakeasyPaginationIsReadToo() {
    server.register(get(urlPathEqualTo("/authors")).withQueryParam("after", absent())
        .willReturn(okJson("{\"authors\": [\"ann\", \"bob\"], \"paging\": {\"next\": \"bob\"}}")));
    server.register(get(urlPathEqualTo("/authors")).withQueryParam("after", equalTo("bob"))
        .willReturn(okJson("{\"authors\": [\"cy\"]}")));
    List<String> authors = new ArrayList<>();
    client.articles().listAuthorsPages(ListAuthorsParams.builder().size(2L).build()).autoPager().forEach(authors::add);
    assertThat(authors).containsExactly("ann", "bob", "cy");
  }

  @Test
  void aFailingPageSurfacesAsTheCallsExceptionAndARetriedPageContinues() {
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", absent())
        .willReturn(okJson("{\"data\": " + articles("a1") + ", \"next_cursor\": \"c2\"}")));
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("c2"))
        .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
        .willReturn(aResponse().withStatus(503)));
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("c2"))
        .inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"data\": " + articles("a2") + "}")));
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("gone"))
        .willReturn(aResponse().withStatus(404)));
    assertThat(ids(client.articles().listArticlesPages(ListArticlesParams.builder().build()).autoPager()))
        .containsExactly("a1", "a2");
    assertThat(time.waits).hasSize(1);

    Page<Article> start = client.articles().listArticlesPages(ListArticlesParams.builder().cursor("c2").build(),
        RequestOptions.builder().callTimeout(Duration.ofSeconds(5)).build());
    assertThat(start.hasNextPage()).isFalse();
    server.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("c9"))
        .willReturn(okJson("{\"data\": " + articles("a9") + ", \"next_cursor\": \"gone\"}")));
    var pager = client.articles().listArticlesPages(ListArticlesParams.builder().cursor("c9").build()).autoPager()
        .iterator();
    assertThat(pager.next().getId()).isEqualTo("a9");
    assertThatThrownBy(pager::hasNext).isInstanceOf(NotFoundException.class).hasMessageContaining("listArticles");
  }
}
