package dev.bulwark.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * How a list operation's pages follow each other, with every JSON pointer of the spec's pagination extension already
 * resolved to a chain of generated properties.
 *
 * @param methodName the name of the service method that returns the first page, unique in its service
 * @param items where the items are in the response body
 * @param itemType the type of one item
 * @param next where the next cursor (CURSOR) or the next page's URL (NEXT_URL) is; empty for the other styles
 * @param hasMore where a "there are more pages" flag is, if the API has one
 * @param parameter the query parameter that carries the cursor, offset or page number; empty for URL styles
 * @param limitParameter the query parameter that carries the page size (OFFSET), if any
 * @param firstPage the number of the first page (PAGE_NUMBER)
 */
public record PaginationModel(
    String methodName,
    Style style,
    Accessor items,
    TypeRef itemType,
    Optional<Accessor> next,
    Optional<Accessor> hasMore,
    String parameter,
    Optional<String> limitParameter,
    long firstPage) {

  /** The ways a next page is found. */
  public enum Style {
    CURSOR,
    OFFSET,
    PAGE_NUMBER,
    LINK_HEADER,
    NEXT_URL
  }

  /**
   * A path from the response body to a value, one property per step; an empty path is the body itself.
   *
   * @param type the type of the value at the end of the path
   */
  public record Accessor(List<PropertyModel> path, TypeRef type) {
    public Accessor {
      path = List.copyOf(path);
    }
  }
}
