package dev.bulwark.runtime.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a paginated list, from a starting page on. Pages are fetched only when iteration reaches them, so
 * stopping early (a {@code break}, {@code Stream.limit}) fetches no more pages. Each {@link #iterator()} starts
 * again from the starting page; a failed page fetch surfaces from {@code hasNext()} as the call's
 * {@link dev.bulwark.runtime.error.BulwarkException}.
 *
 * <p>Kotlin iterates it with {@code for (item in pager)}; Java with an enhanced for loop or {@link #stream()}.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Page<T> first;

  AutoPager(Page<T> first) {
    this.first = first;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Page<T> page = first;
      private int index;

      @Override
      public boolean hasNext() {
        while (index >= page.items().size()) {
          if (!page.hasNextPage()) {
            return false;
          }
          page = page.nextPage();
          index = 0;
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more items");
        }
        return page.items().get(index++);
      }
    };
  }

  /** The items as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /**
   * Hands every item to {@code action} without blocking the caller: pages are fetched asynchronously and the action
   * runs on the thread that completed each fetch. Cancelling the returned future stops fetching pages.
   *
   * @return a future completing when the last item has been handled, or exceptionally with the first failure (of a
   *     fetch, or thrown by the action)
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<Void> done = new CompletableFuture<>();
    visit(first, action, done);
    return done;
  }

  private static <T> void visit(Page<T> page, Consumer<? super T> action, CompletableFuture<Void> done) {
    try {
      for (T item : page.items()) {
        if (done.isDone()) {
          return;
        }
        action.accept(item);
      }
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    if (!page.hasNextPage()) {
      done.complete(null);
      return;
    }
    CompletableFuture<Page<T>> next = page.nextPageAsync();
    done.whenComplete((ignored, failure) -> next.cancel(true));
    next.whenComplete((nextPage, failure) -> {
      if (failure != null) {
        done.completeExceptionally(unwrap(failure));
      } else if (!done.isDone()) {
        visit(nextPage, action, done);
      }
    });
  }

  private static Throwable unwrap(Throwable failure) {
    @Nullable Throwable cause = failure.getCause();
    return failure instanceof CompletionException && cause != null ? cause : failure;
  }
}
