/**
 * Paginated list operations: a {@link dev.bulwark.runtime.paging.Page} of items that knows how to fetch the next one,
 * and an {@link dev.bulwark.runtime.paging.AutoPager} that walks every item across pages, lazily, blocking or
 * asynchronously. How one page leads to the next (cursor, offset, page number, {@code Link} header, next URL) is a
 * {@link dev.bulwark.runtime.paging.Pagination}, which generated clients build from the spec's
 * {@code x-bulwark-pagination} extension.
 */
@NullMarked
package dev.bulwark.runtime.paging;

import org.jspecify.annotations.NullMarked;
