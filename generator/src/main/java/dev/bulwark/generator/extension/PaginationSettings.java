package dev.bulwark.generator.extension;

import dev.bulwark.generator.model.PaginationModel;
import java.util.Optional;

/**
 * An operation's pagination extension as written, validated for shape; its pointers are resolved against the
 * response schema later, once every type is known.
 *
 * @param pointer where the extension sits, for messages
 * @param items a JSON pointer to the item array in the response body ({@code ""} for the body itself)
 * @param next a JSON pointer to the next cursor (CURSOR) or next page URL (NEXT_URL)
 * @param hasMore a JSON pointer to a boolean that is false on the last page
 * @param parameter the query parameter for the cursor, offset or page number, when the spec names it
 * @param limitParameter the page-size query parameter (OFFSET), when the spec names it
 */
public record PaginationSettings(
    PaginationModel.Style style,
    String pointer,
    String items,
    Optional<String> next,
    Optional<String> hasMore,
    Optional<String> parameter,
    Optional<String> limitParameter,
    long firstPage) {}
