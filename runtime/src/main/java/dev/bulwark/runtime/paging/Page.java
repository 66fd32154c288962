package dev.bulwark.runtime.paging;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ApiResponse;
import dev.bulwark.runtime.ClientRuntime;
import java.lang.reflect.Type;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list operation: its items, the response it came in, and the way to the next page. Immutable;
 * fetching the next page makes a new call (with the operation's retry policy and the first call's options) and
 * returns a new {@code Page}.
 *
 * <pre>{@code
 * Page<Pet> page = client.pets().listPetsPages(params);
 * for (Pet pet : page.autoPager()) { ... }           // every pet, fetching pages as the loop needs them
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final ClientRuntime runtime;
  private final Type responseType;
  private final Pagination<Object, T> pagination;
  private final ApiResponse<?> response;
  private final List<T> items;
  private final @Nullable ApiRequest next;

  private Page(ClientRuntime runtime, ApiRequest request, Type responseType, Pagination<Object, T> pagination,
      ApiResponse<Object> response) {
    this.runtime = runtime;
    this.responseType = responseType;
    this.pagination = pagination;
    this.response = response;
    this.items = List.copyOf(pagination.items(response.body()));
    this.next = pagination.nextRequest(request, response, items, runtime.baseUrl());
  }

  /** Fetches the first page: the call {@code request} describes. Generated clients call this. */
  public static <R, T> Page<T> fetch(ClientRuntime runtime, ApiRequest request, Type responseType,
      Pagination<R, T> pagination) {
    Pagination<Object, T> erased = erase(pagination);
    return new Page<>(runtime, request, responseType, erased, runtime.executeRaw(request, responseType));
  }

  /** {@link #fetch} without blocking the caller. */
  public static <R, T> CompletableFuture<Page<T>> fetchAsync(ClientRuntime runtime, ApiRequest request,
      Type responseType, Pagination<R, T> pagination) {
    Pagination<Object, T> erased = erase(pagination);
    return runtime.<Object>executeRawAsync(request, responseType)
        .thenApply(response -> new Page<>(runtime, request, responseType, erased, response));
  }

  @SuppressWarnings("unchecked")
  private static <R, T> Pagination<Object, T> erase(Pagination<R, T> pagination) {
    // The response type and the pagination's R come from the same generated operation.
    return (Pagination<Object, T>) (Pagination<?, T>) Objects.requireNonNull(pagination, "pagination");
  }

  /** The items on this page, possibly none. */
  public List<T> items() {
    return items;
  }

  /** The response this page came in: status, headers and the whole parsed body. */
  public ApiResponse<?> response() {
    return response;
  }

  /** Whether there is a page after this one. */
  public boolean hasNextPage() {
    return next != null;
  }

  /**
   * Fetches the page after this one.
   *
   * @throws NoSuchElementException if this is the last page; check {@link #hasNextPage()} first
   * @throws dev.bulwark.runtime.error.BulwarkException if the call fails
   */
  public Page<T> nextPage() {
    ApiRequest request = nextRequest();
    return new Page<>(runtime, request, responseType, pagination, runtime.executeRaw(request, responseType));
  }

  /** {@link #nextPage()} without blocking the caller; the future fails with NoSuchElementException on the last page. */
  public CompletableFuture<Page<T>> nextPageAsync() {
    if (next == null) {
      return CompletableFuture.failedFuture(noNextPage());
    }
    ApiRequest request = next;
    return runtime.<Object>executeRawAsync(request, responseType)
        .thenApply(response -> new Page<>(runtime, request, responseType, pagination, response));
  }

  /** Every item from this page on, fetching the following pages lazily as iteration reaches them. */
  public AutoPager<T> autoPager() {
    return new AutoPager<>(this);
  }

  private ApiRequest nextRequest() {
    if (next == null) {
      throw noNextPage();
    }
    return next;
  }

  private static NoSuchElementException noNextPage() {
    return new NoSuchElementException("this is the last page; check hasNextPage() before nextPage()");
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasNextPage=" + hasNextPage() + "}";
  }
}
