package dev.bulwark.runtime.paging;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ApiResponse;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * How one page of a list operation leads to the next: where the items are and what the next request is. Generated
 * clients hold one per paginated operation, built from the spec's {@code x-bulwark-pagination} (or
 * {@code x-speakeasy-pagination}); immutable and thread-safe.
 *
 * <p>Every style stops at an empty page, so that a server that keeps answering with a cursor or a link but no items
 * cannot make an auto-pager loop forever; a next request identical to the current one also stops.
 *
 * @param <R> the response body type
 * @param <T> the item type
 */
public final class Pagination<R, T> {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern NEXT_REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

  private enum Style {
    CURSOR,
    OFFSET,
    PAGE_NUMBER,
    LINK_HEADER,
    NEXT_URL
  }

  private final Style style;
  private final Function<R, @Nullable List<T>> items;
  private final @Nullable Function<R, @Nullable Object> next;
  private final @Nullable Function<R, @Nullable Boolean> hasMore;
  private final String parameter;
  private final @Nullable String limitParameter;
  private final long firstPage;

  private Pagination(Style style, Function<R, @Nullable List<T>> items, @Nullable Function<R, @Nullable Object> next,
      @Nullable Function<R, @Nullable Boolean> hasMore, String parameter, @Nullable String limitParameter,
      long firstPage) {
    this.style = style;
    this.items = Objects.requireNonNull(items, "items");
    this.next = next;
    this.hasMore = hasMore;
    this.parameter = parameter;
    this.limitParameter = limitParameter;
    this.firstPage = firstPage;
  }

  /**
   * The response carries the next page's cursor, which goes into query parameter {@code parameter}; there is no
   * next page when the cursor is absent or empty.
   */
  public static <R, T> Pagination<R, T> cursor(String parameter, Function<R, @Nullable List<T>> items,
      Function<R, @Nullable Object> nextCursor) {
    return new Pagination<>(Style.CURSOR, items, Objects.requireNonNull(nextCursor, "nextCursor"), null,
        Objects.requireNonNull(parameter, "parameter"), null, 0);
  }

  /**
   * The request says where to start ({@code offsetParameter}, zero when absent) and, optionally, how many items to
   * return ({@code limitParameter}); the next page starts after the items received. There is no next page when a
   * page has fewer items than the limit asked for.
   */
  public static <R, T> Pagination<R, T> offset(String offsetParameter, @Nullable String limitParameter,
      Function<R, @Nullable List<T>> items) {
    return new Pagination<>(Style.OFFSET, items, null, null, Objects.requireNonNull(offsetParameter, "offsetParameter"),
        limitParameter, 0);
  }

  /** The request names a page ({@code parameter}, {@code firstPage} when absent); the next page is one more. */
  public static <R, T> Pagination<R, T> pageNumber(String parameter, long firstPage,
      Function<R, @Nullable List<T>> items) {
    return new Pagination<>(Style.PAGE_NUMBER, items, null, null, Objects.requireNonNull(parameter, "parameter"), null,
        firstPage);
  }

  /** The response's {@code Link} header (RFC 8288) gives the next page's URL as {@code rel="next"}. */
  public static <R, T> Pagination<R, T> linkHeader(Function<R, @Nullable List<T>> items) {
    return new Pagination<>(Style.LINK_HEADER, items, null, null, "", null, 0);
  }

  /** The response body gives the next page's URL, absolute or relative to the client's base URL. */
  public static <R, T> Pagination<R, T> nextUrl(Function<R, @Nullable List<T>> items,
      Function<R, @Nullable Object> nextUrl) {
    return new Pagination<>(Style.NEXT_URL, items, Objects.requireNonNull(nextUrl, "nextUrl"), null, "", null, 0);
  }

  /** Also stop when the response says there is nothing more (a {@code has_more: false} flag). */
  public Pagination<R, T> hasMore(Function<R, @Nullable Boolean> hasMore) {
    return new Pagination<>(style, items, next, Objects.requireNonNull(hasMore, "hasMore"), parameter, limitParameter,
        firstPage);
  }

  /** The items of one response; an absent list is an empty page. */
  List<T> items(@Nullable R body) {
    List<T> list = body == null ? null : items.apply(body);
    return list == null ? List.of() : list;
  }

  /**
   * The request for the page after {@code response}, or {@code null} when it was the last.
   *
   * @param baseUrl the client's base URL, against which relative links are resolved
   */
  @Nullable ApiRequest nextRequest(ApiRequest current, ApiResponse<R> response, List<T> items, HttpUrl baseUrl) {
    R body = response.body();
    if (items.isEmpty() || body == null || (hasMore != null && Boolean.FALSE.equals(hasMore.apply(body)))) {
      return null;
    }
    ApiRequest nextRequest = switch (style) {
      case CURSOR -> {
        Object cursor = Objects.requireNonNull(next).apply(body);
        yield cursor == null || cursor.toString().isEmpty() || cursor.toString().equals(
            String.valueOf(current.queryParameter(parameter)))
            ? null
            : current.toBuilder().setQueryParameter(parameter, cursor.toString()).build();
      }
      case OFFSET -> {
        long offset = number(current.queryParameter(parameter), 0);
        long limit = limitParameter == null ? -1 : number(current.queryParameter(limitParameter), -1);
        yield limit > 0 && items.size() < limit
            ? null
            : current.toBuilder().setQueryParameter(parameter, offset + items.size()).build();
      }
      case PAGE_NUMBER -> current.toBuilder()
          .setQueryParameter(parameter, number(current.queryParameter(parameter), firstPage) + 1).build();
      case LINK_HEADER -> follow(current, nextLink(response.headers().get("link")), baseUrl);
      case NEXT_URL -> {
        Object url = Objects.requireNonNull(next).apply(body);
        yield follow(current, url == null ? null : url.toString(), baseUrl);
      }
    };
    return nextRequest;
  }

  private static @Nullable ApiRequest follow(ApiRequest current, @Nullable String link, HttpUrl baseUrl) {
    if (link == null || link.isBlank()) {
      return null;
    }
    HttpUrl url = baseUrl.resolve(link.trim());
    if (url == null || url.equals(current.url())) {
      return null;
    }
    return current.toBuilder().url(url).build();
  }

  /** The target of the {@code rel="next"} link among a response's {@code Link} header values. */
  static @Nullable String nextLink(@Nullable List<String> values) {
    if (values == null) {
      return null;
    }
    for (String value : values) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = NEXT_REL.matcher(link.group(2));
        while (rel.find()) {
          for (String name : rel.group(1).trim().split("\\s+")) {
            if (name.equalsIgnoreCase("next")) {
              return link.group(1);
            }
          }
        }
      }
    }
    return null;
  }

  private static long number(@Nullable Object value, long absent) {
    if (value == null) {
      return absent;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      return absent;
    }
  }
}
